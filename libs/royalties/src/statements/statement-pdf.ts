// A statement as a PDF (pdfkit, a maintained PDF writer with its standard
// fonts built in): header, totals, per track, per station, then every line.
import PDFDocument from 'pdfkit';
import { formatMinorAsGhs } from '../money.ts';
import type { Statement } from './statement.ts';

const ghs = (minor: number) => `GHS ${formatMinorAsGhs(minor)}`;

export function statementPdf(statement: Statement, generatedAt: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: `ZamIO statement ${statement.cycle.name}` },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { cycle, recipient, totals } = statement;
  doc.font('Helvetica-Bold').fontSize(18).text('ZamIO royalty statement');
  doc.moveDown(0.5).font('Helvetica').fontSize(10);
  doc.text(`Recipient: ${recipient.name}`);
  doc.text(`Cycle: ${cycle.name} (${cycle.periodStart} to ${cycle.periodEnd}, ${cycle.status})`);
  doc.text(`Generated: ${generatedAt.toISOString()}`);
  doc.moveDown();
  doc.font('Helvetica-Bold').text(`Payable: ${ghs(totals.payableMinor)}`);
  doc.text(`Held (open disputes): ${ghs(totals.heldMinor)}`);
  doc.text(`Total: ${ghs(totals.totalMinor)}  Plays: ${totals.plays}`);
  for (const [title, groups] of [
    ['By track', statement.byTrack],
    ['By station', statement.byStation],
  ] as const) {
    doc.moveDown().font('Helvetica-Bold').fontSize(12).text(title);
    doc.font('Helvetica').fontSize(9);
    for (const g of groups)
      doc.text(
        `${g.label}${g.isrc ? ` [${g.isrc}]` : ''}: ${g.plays} plays, ${g.seconds} s, payable ${ghs(g.payableMinor)}, held ${ghs(g.heldMinor)}`,
      );
  }
  doc.moveDown().font('Helvetica-Bold').fontSize(12).text('Plays');
  doc.font('Helvetica').fontSize(8);
  for (const line of statement.lines)
    doc.text(
      `${line.startedAt.toISOString()}  ${line.stationName}  ${line.trackTitle}  ${line.durationMs / 1000} s  ${ghs(line.amountMinor)}${line.held ? '  HELD' : ''}`,
    );
  doc.end();
  return done;
}
