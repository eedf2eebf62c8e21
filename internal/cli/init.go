package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/cxascode/cxascode/internal/test"
	"github.com/cxascode/cxascode/internal/workspace"
	"github.com/spf13/cobra"
)

func newInitCommand() *cobra.Command {
	var dir, skill, queue string
	cmd := &cobra.Command{
		Use:   "init NAME",
		Short: "Scaffold a new flow project in the workspace",
		Long: `Init creates the directory NAME with a small flow project that plans cleanly: main.tf
(the provider, a queue, and a by-name lookup of a skill owned by a shared project, which
makes this project depend on it), a flow YAML skeleton routing calls to the queue,
env/<env>.tfvars for every environment of cx.hcl, and tests/NAME.cxtest.hcl for cx test: an
object test of the queue, and a call test of the flow to enable once an IVR answers a number
with it.

The skill defaults to the first skill a project of the workspace declares; without one the
lookup is scaffolded commented out, since a lookup of a missing skill fails the plan.`,
		Example: `  cx init flow-billing
  cx init flow-sales --queue "Sales" --skill "Sales"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if dir == "" {
				dir = findWorkspaceRoot()
			}
			created, err := scaffoldProject(dir, args[0], queue, skill)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			for _, f := range created {
				fmt.Fprintf(w, "  + %s\n", f)
			}
			fmt.Fprintf(w, "\nCreated project %s. Next: cx plan %s\n", args[0], args[0])
			return nil
		},
	}
	addWorkspaceFlag(cmd, &dir)
	cmd.Flags().StringVar(&queue, "queue", "", "the queue's name (default: from the project name, e.g. flow-billing → Billing)")
	cmd.Flags().StringVar(&skill, "skill", "", "a shared skill to look up by name (default: the first skill the workspace declares)")
	return cmd
}

var projectNamePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// scaffoldProject writes the new project's files under root/name and returns them,
// root-relative. It refuses to touch an existing directory.
func scaffoldProject(root, name, queue, skill string) ([]string, error) {
	if !projectNamePattern.MatchString(name) {
		return nil, fmt.Errorf("project name %q: use letters, digits, '.', '_' and '-' (it is a directory name)", name)
	}
	ws, err := workspace.Load(root)
	if err != nil {
		return nil, err
	}
	if ws.Project(name) != nil {
		return nil, fmt.Errorf("project %s exists already", name)
	}
	dir := filepath.Join(root, name)
	if _, err := os.Stat(dir); err == nil {
		return nil, fmt.Errorf("%s exists already; pick another name", dir)
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	if queue == "" {
		queue = titleFromName(name)
	}
	if skill == "" {
		skill = firstDeclaredSkill(ws)
	}
	files := map[string]string{
		"main.tf":                            mainTF(queue, skill),
		filepath.Join("flows", name+".yaml"): flowYAML(name, queue),
		filepath.Join(test.Dir, name+test.FileSuffix): testHCL(name, queue),
	}
	for _, env := range ws.Config.Environments {
		files[filepath.Join("env", env.Name+".tfvars")] = fmt.Sprintf("# Inputs of %s in environment %s.\nqueue_description = \"%s queue (%s)\"\n", name, env.Name, queue, env.Name)
	}
	var created []string
	for _, rel := range sortedKeys(files) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return created, err
		}
		if err := os.WriteFile(p, []byte(files[rel]), 0o644); err != nil {
			return created, err
		}
		created = append(created, filepath.ToSlash(filepath.Join(name, rel)))
	}
	return created, nil
}

func firstDeclaredSkill(ws *workspace.Workspace) string {
	for _, p := range ws.Projects {
		for _, o := range p.Declares {
			if o.Type == "genesyscloud_routing_skill" {
				return o.Name
			}
		}
	}
	return ""
}

// titleFromName turns "flow-billing_support" into "Billing Support".
func titleFromName(name string) string {
	name = strings.TrimPrefix(name, "flow-")
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == '.' })
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	if len(words) == 0 {
		return name
	}
	return strings.Join(words, " ")
}

func mainTF(queue, skill string) string {
	lookup := fmt.Sprintf(`# A skill owned by a shared project, found by name: this makes the project depend on it.
data "genesyscloud_routing_skill" "main" {
  name = %q
}

output "skill_id" {
  value = data.genesyscloud_routing_skill.main.id
}
`, skill)
	if skill == "" {
		lookup = `# Look up skills owned by a shared project by name; this makes the project depend on it.
# (No project of the workspace declares a skill yet; a lookup of a missing skill fails the plan.)
# data "genesyscloud_routing_skill" "main" {
#   name = "General"
# }
`
	}
	return fmt.Sprintf(`terraform {
  required_providers {
    genesyscloud = {
      source = "mypurecloud/genesyscloud"
    }
  }
}

provider "genesyscloud" {}

variable "queue_description" {
  type        = string
  description = "Set per environment in env/<env>.tfvars."
  default     = ""
}

resource "genesyscloud_routing_queue" "main" {
  name        = %q
  description = var.queue_description
}

output "queue_id" {
  value = genesyscloud_routing_queue.main.id
}

%s`, queue, lookup)
}

func flowYAML(name, queue string) string {
	return fmt.Sprintf(`# Architect inbound call flow of %s (Archy YAML). Queues, skills and prompts are referred to
# by name, which cx reads to order deployments.
inboundCall:
  name: %s
  description: Scaffolded by cx init
  division: Home
  startUpRef: "/inboundCall/tasks/task[Main_10]"
  defaultLanguage: en-us
  supportedLanguages:
    en-us:
      defaultLanguageSkill:
        noValue: true
  initialGreeting:
    tts: Thank you for calling.
  settingsErrorHandling:
    errorHandling:
      disconnect:
        none: true
  tasks:
    - task:
        name: Main
        refId: Main_10
        actions:
          - transferToAcd:
              name: Transfer to %s
              targetQueue:
                lit:
                  name: %s
              preTransferAudio:
                tts: Please hold for the next agent.
              failureOutputs:
                errorType:
                  noValue: true
                errorMessage:
                  noValue: true
          - disconnect:
              name: Disconnect
`, name, titleFromName(name), queue, queue)
}

// testHCL is the project's first test file: the queue is deployed by the scaffold, so its
// test runs at once; the call needs a number routed to the flow, so its test waits commented.
func testHCL(name, queue string) string {
	return fmt.Sprintf(`# Post-deploy tests of %[1]s: cx test --env dev (see cx test --help).

object "the queue exists" {
  type = "genesyscloud_routing_queue"
  name = %[2]q
}

# Once an IVR answers a number with the flow (ivr_dnis in env/<env>.tfvars), a call to it:
#
# call "a call reaches the queue" {
#   dial      = var.ivr_dnis[0]
#   at        = "2026-03-10T10:00:00"
#   time_zone = "America/New_York"
#
#   expect {
#     flows             = [%[3]q]
#     prompts           = ["Thank you for calling."]
#     transfer_to_queue = %[2]q
#   }
# }
`, name, queue, titleFromName(name))
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}
