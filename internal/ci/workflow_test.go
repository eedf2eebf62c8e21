package ci

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestCXCommands(t *testing.T) {
	vars := map[string]string{"BASE_REF": "main", "DIR": "a b"}
	for _, tc := range []struct {
		script string
		want   [][]string
	}{
		{"cx plan --env dev", [][]string{{"plan", "--env", "dev"}}},
		{`cx plan --env dev --affected-since "origin/$BASE_REF" > plan-dev.txt`, [][]string{{"plan", "--env", "dev", "--affected-since", "origin/main"}}},
		{"set +e\ncx drift --env prod --format markdown > d.md\ncode=$?\nexit \"$code\"", [][]string{{"drift", "--env", "prod", "--format", "markdown"}}},
		{`cx apply --env dev 'flow billing: #1' && echo done`, [][]string{{"apply", "--env", "dev", "flow billing: #1"}}},
		{`cx apply -C "${DIR}" 2>err.txt`, [][]string{{"apply", "-C", "a b"}}},
		{`cx test --env dev|tee out`, [][]string{{"test", "--env", "dev"}}},
		{"echo cx plan\ngit push origin cx", nil},
		{`cx apply --env 'it'\''s'`, [][]string{{"apply", "--env", "it's"}}},
	} {
		if got := CXCommands(tc.script, vars); !slices.EqualFunc(got, tc.want, slices.Equal) {
			t.Errorf("CXCommands(%q) = %q, want %q", tc.script, got, tc.want)
		}
	}
}

func TestRunOrderRejectsUnknownNeedsAndCycles(t *testing.T) {
	if _, err := RunOrder([]Job{{ID: "a", Needs: []string{"nope"}}}); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("unknown need: %v", err)
	}
	if _, err := RunOrder([]Job{{ID: "a", Needs: []string{"b"}}, {ID: "b", Needs: []string{"a"}}, {ID: "c"}}); err == nil || !strings.Contains(err.Error(), "a, b") {
		t.Errorf("cycle: %v", err)
	}
	got, err := RunOrder([]Job{{ID: "z", Needs: []string{"y"}}, {ID: "y"}, {ID: "x"}})
	if err != nil || got[0].ID != "y" || got[1].ID != "z" || got[2].ID != "x" {
		t.Errorf("order %v, %v; want y z x (needs first, then as declared)", got, err)
	}
}

// TestAwkwardProjectNames: projects whose directory names are no valid job ids, or would
// collide once made valid, or hold YAML and shell syntax, get distinct jobs, workflows
// actionlint accepts, and cx commands that name the project exactly.
func TestAwkwardProjectNames(t *testing.T) {
	names := []string{"flow billing: #1", "flow-billing--1", "flow.billing 1", "shared$skills"}
	files := map[string]string{}
	for i, n := range names {
		files[n+"/main.tf"] = fmt.Sprintf("resource \"genesyscloud_routing_queue\" \"q\" {\n  name = \"Q%d\"\n}\n", i)
	}
	p, _, err := loadPipeline(t, writeWorkspace(t, files))
	if err != nil {
		t.Fatal(err)
	}
	wantLintClean(t, p)
	for _, f := range []File{GitHub(p)[1], GitLab(p)[0]} {
		read := ReadGitHubWorkflow
		if f.Path == GitLabFile {
			read = ReadGitLabCI
		}
		jobs, err := read(f.Generated)
		if err != nil {
			t.Fatal(err)
		}
		var applied []string
		for _, j := range jobs {
			if strings.HasPrefix(j.ID, "apply-dev-") {
				applied = append(applied, CXCommands(j.Scripts[len(j.Scripts)-1], nil)[0][3])
			}
		}
		slices.Sort(applied)
		if want := slices.Sorted(slices.Values(names)); !slices.Equal(applied, want) {
			t.Errorf("%s applies %q, want %q", f.Path, applied, want)
		}
	}
}

func TestSecretNamesMustBeNamesACISystemAccepts(t *testing.T) {
	cfg := "environment \"prod\" {\n  org = \"region:us-east-1\"\n  credentials_env = {\n    client_id     = \"PROD-ID\"\n    client_secret = \"PROD_SECRET\"\n  }\n}\n"
	if _, _, err := loadPipeline(t, writeWorkspace(t, map[string]string{"cx.hcl": cfg})); err == nil || !strings.Contains(err.Error(), `"PROD-ID"`) {
		t.Errorf("New with a secret named PROD-ID: %v", err)
	}
}

// FuzzReadBack: reading any text as a workflow or a GitLab file, and any script for cx
// commands, returns an error or a result, never a panic.
func FuzzReadBack(f *testing.F) {
	p := &Pipeline{Environments: []Environment{{Name: "dev"}}, Projects: []Project{{Name: "a"}, {Name: "b", Needs: []string{"a"}}}, WorkingDirectory: ".", CXVersion: "latest"}
	for _, file := range append(GitHub(p), GitLab(p)...) {
		f.Add(string(file.Generated))
	}
	f.Add("cx plan \"$\" '${' ${X")
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ReadGitHubWorkflow([]byte(s))
		_, _ = ReadGitLabCI([]byte(s))
		_ = CXCommands(s, map[string]string{"X": "y"})
	})
}
