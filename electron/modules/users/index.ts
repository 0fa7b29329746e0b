// What other modules and the core may use of the users module.
export { findUserById, findUserByUsername, insertUser, updateUser } from './user-rows.ts';
export { grantRole, membershipsOf, revokeRole, rolesIn, type MembershipWithClinic } from './membership-rows.ts';
