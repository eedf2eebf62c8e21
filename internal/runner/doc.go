// Package runner drives OpenTofu over a workspace: one plan, apply or destroy per project,
// in dependency order (reverse for destroy), with bounded parallelism. The OpenTofu commands
// themselves and the layout below are internal/tofu's, shared with drift and backport.
//
// Every project runs in its own directory with nothing written into it: state goes to the
// path State.For gives (local backend, passed with -state), OpenTofu's data directory to
// .cx/tofu/<env>/<project> (TF_DATA_DIR), each run's plan to a file of its own under
// .cx/plans/<env>/ (removed when the project is done) and the full OpenTofu output to
// .cx/logs/<env>/<project>.log; .cx is private (0700), as state and plans hold secrets. The provider is the cxascode
// plugin, selected with a generated CLI configuration (dev_overrides), so no registry is
// contacted and `tofu init` runs only for projects that need it (other providers, modules,
// a non-local backend).
//
// A run holds the environment's lock (.cx/locks/<env>.lock) from start to end, so a second
// run on the same environment waits for it (then fails, naming the holder) instead of
// interleaving. An apply killed part-way (kill -9) leaves objects OpenTofu had not written
// to the state yet; the next apply of that project imports them by their unique names
// (Options.FindByName) instead of failing on them. Apply and destroy plan to a file and apply exactly that file, so what is
// applied is what was planned. A failed project skips every project depending on it; independent projects
// go on. A plan of a project whose dependencies have unapplied changes runs, when the caller
// can make a speculative org (Options.Speculate), against a copy of the org with those changes
// applied (speculative.go); otherwise it is deferred when it fails. Exit codes follow -detailed-exitcode: 0 no changes, 2 changes present (plan) , 1
// any failure or skipped project.
package runner
