export { ComponentGallery } from './ComponentGallery';
