//go:build !cxupgradecandidate

package provider

// queueSkillEvaluationDefault is the routing queue's skill_evaluation_method default, as the
// official provider has it. A constant chosen at build time (see
// upgrade_candidate_default.go) rather than an -ldflags -X variable: nothing in the
// provider can change it at run time, and a normal build reads exactly what it always did.
const queueSkillEvaluationDefault = "ALL"
