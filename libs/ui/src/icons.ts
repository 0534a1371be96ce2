// The icons the kit uses, each from its own module: the package's index
// re-exports every Lucide icon (1.4 MB unbundled), which the dev server would
// send to the browser on every page load. Production builds tree-shake either
// way. Add an icon here before using it.
export { default as ArrowDown } from 'lucide-react/icons/arrow-down';
export { default as ArrowUp } from 'lucide-react/icons/arrow-up';
export { default as ArrowUpDown } from 'lucide-react/icons/arrow-up-down';
export { default as Check } from 'lucide-react/icons/check';
export { default as ChevronLeft } from 'lucide-react/icons/chevron-left';
export { default as ChevronRight } from 'lucide-react/icons/chevron-right';
export { default as Circle } from 'lucide-react/icons/circle';
export { default as Eye } from 'lucide-react/icons/eye';
export { default as EyeOff } from 'lucide-react/icons/eye-off';
export { default as LogOut } from 'lucide-react/icons/log-out';
export { default as Menu } from 'lucide-react/icons/menu';
export { default as Moon } from 'lucide-react/icons/moon';
export { default as Plus } from 'lucide-react/icons/plus';
export { default as Sun } from 'lucide-react/icons/sun';
export { default as Trash2 } from 'lucide-react/icons/trash-2';
export { default as UploadCloud } from 'lucide-react/icons/cloud-upload';
export { default as X } from 'lucide-react/icons/x';
