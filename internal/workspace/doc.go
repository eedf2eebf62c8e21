// Package workspace models a cxascode workspace: many small OpenTofu projects (one per
// Architect flow, plus shared projects that own skills, schedules, prompts …), the
// environments they are promoted through, and the dependency graph between projects.
//
// The graph is inferred from what projects NAME, not from remote state: a shared project
// declares objects (`resource "genesyscloud_routing_skill" "x" { name = "Billing" }`), a flow
// project refers to them by name (`data "genesyscloud_routing_skill" "x" { name = "Billing" }`
// or, in its Archy flow YAML, `acdSkill: {lit: {name: Billing}}`). Matching the two gives the
// edge flow project → shared project, which orders plan/apply and drives "affected" runs.
//
// # cx.hcl
//
// The workspace root holds cx.hcl. Every block is optional; unknown blocks and attributes
// are errors so a typo never silently changes a deployment.
//
//	workspace {
//	  name = "contact-center"          # default: the root directory's name
//	}
//
//	environment "dev" {
//	  org = "local:dev"                # org "dev" of the embedded local org
//	}
//	environment "test" {
//	  org          = "local:test"
//	  promote_from = "dev"             # test deploys what dev ran; must name a known env, no cycles
//	}
//	environment "prod" {
//	  org          = "region:us-east-1" # a real Genesys Cloud org in that region
//	  credentials_env = {              # names of environment variables, never the secrets
//	    client_id     = "PROD_CLIENT_ID"
//	    client_secret = "PROD_CLIENT_SECRET"
//	  }
//	  protected    = true              # deploys only from CI unless break-glass is declared
//	  promote_from = "test"
//	}
//
//	projects {
//	  include = ["shared-*", "flow-*", "../billing-repo/flow-*"] # globs relative to the root
//	  exclude = ["flow-legacy"]
//	}
//
//	state {
//	  backend = "local"
//	  path    = ".cx/state/{env}/{project}.tfstate"
//	}
//	# or any OpenTofu backend, passed through to each project as its backend block;
//	# {env} and {project} are replaced in every string setting. For pg (PostgreSQL, shared by
//	# a team and its pipelines) conn_str may come from PG_CONN_STR instead, schema_name
//	# defaults to "cx_{env}_{project}", and cx keeps its lock records and release ledger in
//	# the same database. encryption (any backend) has OpenTofu encrypt state and plans with
//	# a key from a passphrase held in an environment variable:
//	# state {
//	#   backend "pg" {
//	#     conn_str    = "postgres://cx@db/cx"
//	#     schema_name = "{env}_{project}"
//	#   }
//	#   encryption {
//	#     passphrase_env = "CX_STATE_PASSPHRASE"
//	#   }
//	# }
//
//	project "flow-billing" {
//	  depends_on = ["shared-schedules"] # edges names cannot show (optional)
//	}
//
//	check {                             # cx check's settings, read by package check
//	  suppress "hard-coded/url" {
//	    path   = "flow-support"
//	    reason = "the ticketing API has one address in every environment"
//	  }
//	}
//
// Without environment blocks the workspace has dev → test → prod on the embedded local org,
// so a new workspace works before any real org is touched. Without a projects block every
// subdirectory holding .tf files is a project. Without a state block state is local, under
// .cx/state/{env}/{project}.tfstate.
//
// # Projects
//
// A project is a directory with .tf files; its name is the directory's base name and must be
// unique in the workspace. Per environment it may hold env/<env>.tfvars (OpenTofu variables)
// and env/<env>.substitutions.yaml (a flat YAML map of Archy `{{key}}` placeholders to values,
// for the runner to apply to the project's flows in that environment); Load records which
// exist. A genesyscloud_flow resource's own literal `substitutions` map is applied before its
// references are read; a name still holding a placeholder is reported as unknown, since it
// may differ per environment.
//
// # Graph
//
// BuildGraph matches references to declarations (same resource type, names compared
// case-insensitively) and adds cx.hcl's depends_on. Order and Levels give the deployment
// order (dependencies first, ties by name); Dependents and Affected give what to re-plan
// when files change, like Terragrunt's --filter-affected and Terramate's --changed.
package workspace
