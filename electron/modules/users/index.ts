// What other modules and the core may use of the users module.
export { findUserById, findUserByUsername, insertUser, membershipsOf, roleIn, setMembership, updateUser, type MembershipWithClinic } from './user-rows.ts';
