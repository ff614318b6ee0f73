// The departments feature's public surface for other features.
export { findDefaultDepartment, workspaceDepartmentIds } from './queries';
