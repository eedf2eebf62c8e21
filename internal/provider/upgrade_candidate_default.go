//go:build cxupgradecandidate

package provider

// queueSkillEvaluationDefault is the routing queue's skill_evaluation_method default in a
// provider built with -tags cxupgradecandidate: a build whose default differs from the
// released one in exactly one attribute, so cx upgrade-check's test has a real candidate
// provider to compare with. No release is ever built with this tag.
const queueSkillEvaluationDefault = "BEST"
