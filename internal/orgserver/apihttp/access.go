package apihttp

import (
	"fmt"
	"net/http"
)

// Access is what the caller may do on the route it called: the permission the route
// needs and the divisions in which the caller holds it. A real org scopes every grant to
// divisions, so a caller can hold routing:queue:view in division A and not in B; objects
// of B are then invisible to it and writes into B are refused.
//
// The zero value restricts nothing: domain rules called without a request (tests, the
// console) see every division. The route wrapper sets a restricted Access only when the
// caller's grants do not cover every division.
type Access struct {
	// Permission is the route's permission (domain:entity:action).
	Permission string
	// Restricted is true when the caller holds Permission only in Divisions.
	Restricted bool
	// Divisions are the division ids in which the caller holds Permission.
	Divisions map[string]bool
}

// Allows reports whether the caller holds the permission in divisionID. Objects without a
// division ("") are governed by the permission alone.
func (a Access) Allows(divisionID string) bool {
	return !a.Restricted || divisionID == "" || a.Divisions[divisionID]
}

// Check is nil when the caller holds the permission in divisionID, else the refusal.
func (a Access) Check(divisionID string) error {
	if a.Allows(divisionID) {
		return nil
	}
	return MissingPermission(a.Permission)
}

// MissingPermission is the 403 a real org answers a caller without perm, naming it.
func MissingPermission(perm string) *Error {
	return &Error{Status: http.StatusForbidden, Code: "missing.permissions",
		Message: fmt.Sprintf("Unable to perform the requested action. You are missing the following permission(s): [%s]", perm)}
}
