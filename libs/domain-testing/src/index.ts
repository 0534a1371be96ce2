// Fixtures for the domain libraries' tests: a suite on both databases, and a
// real upload folder. Kept apart from @zamio/testing, which libs/db and
// libs/uploads use in their own tests.
export * from './both-databases';
export * from './upload-folder';
