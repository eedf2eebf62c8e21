package ci

import (
	"fmt"
	"strings"
	"testing"
)

// syntheticWorkspace writes a workspace of n projects in layers of width: project i
// declares skill "Cx Fanout i" and, from the second layer on, looks up by name the skills
// of the project one layer above it and of that one's left neighbour, so the graph is
// ceil(n/width) levels deep with cross edges between layers.
func syntheticWorkspace(t *testing.T, n, width int) string {
	t.Helper()
	files := map[string]string{"cx.hcl": "environment \"dev\" {\n  org = \"local:dev\"\n}\n" +
		"environment \"prod\" {\n  org          = \"local:prod\"\n  protected    = true\n  promote_from = \"dev\"\n}\n"}
	for i := range n {
		var tf strings.Builder
		fmt.Fprintf(&tf, "resource \"genesyscloud_routing_skill\" \"own\" {\n  name = \"Cx Fanout %d\"\n}\n", i)
		for _, up := range []int{i - width, i - width - 1} {
			if i >= width && up >= 0 && up/width == i/width-1 {
				fmt.Fprintf(&tf, "\ndata \"genesyscloud_routing_skill\" \"up_%d\" {\n  name = \"Cx Fanout %d\"\n}\n", up, up)
			}
		}
		files[fmt.Sprintf("project-%02d/main.tf", i)] = tf.String()
	}
	return writeWorkspace(t, files)
}

// TestFanOutOfSixtyProjectsIsAsDeepAsTheGraph: a workspace of 60 projects yields one apply
// job per project and environment, and in both CI systems the longest needs: chain of an
// environment's apply jobs is the graph's depth; actionlint accepts the workflows.
func TestFanOutOfSixtyProjectsIsAsDeepAsTheGraph(t *testing.T) {
	p, g, err := loadPipeline(t, syntheticWorkspace(t, 60, 9))
	if err != nil {
		t.Fatal(err)
	}
	levels, err := g.Levels()
	if err != nil {
		t.Fatal(err)
	}
	// 51 projects below the first layer look one layer up, 45 of them (all but each layer's
	// first) also to the left: 96 edges.
	if len(p.Projects) != 60 || len(levels) != 7 || len(g.Edges) != 96 {
		t.Fatalf("synthetic workspace: %d projects, %d levels, %d edges; want 60, 7, 96", len(p.Projects), len(levels), len(g.Edges))
	}
	if p.Depth() != len(levels) {
		t.Errorf("Depth() = %d, the graph has %d levels", p.Depth(), len(levels))
	}
	deploy, err := ReadGitHubWorkflow(GitHub(p)[1].Generated)
	if err != nil {
		t.Fatal(err)
	}
	gitlab, err := ReadGitLabCI(GitLab(p)[0].Generated)
	if err != nil {
		t.Fatal(err)
	}
	for system, jobs := range map[string][]Job{"GitHub": deploy, "GitLab": gitlab} {
		for _, env := range []string{"dev", "prod"} {
			isApply := func(j Job) bool { return strings.HasPrefix(j.ID, "apply-"+env+"-") }
			count := 0
			for _, j := range jobs {
				if isApply(j) {
					count++
				}
			}
			chain, err := LongestNeedsChain(jobs, isApply)
			if err != nil || count != 60 || chain != len(levels) {
				t.Errorf("%s %s: %d apply jobs, longest needs chain %d (%v); want 60 and the graph's depth %d", system, env, count, chain, err, len(levels))
			}
		}
	}

	wantLintClean(t, p)
}
