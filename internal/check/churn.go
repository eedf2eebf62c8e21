package check

import (
	"bytes"
	"fmt"
	"maps"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// The churn advisor reads the workspace's git history (the last churnCommits commits) and
// points at boundaries the history contradicts: two projects that keep changing in the same
// commits (they are one unit of change: merge them, or move what they share), and a project
// whose files fall into groups that never change together (its halves are independent:
// split it there). Without git or history (a shallow CI checkout) it reports nothing.

const (
	churnCommits = 300 // how far back the advisor reads
	// churnMinTogether is how many shared commits make a coupling worth reporting, and
	// churnCoupling the share of the quieter project's commits they must be.
	churnMinTogether = 5
	churnCoupling    = 0.8
	// churnMinHalf is how many commits each independent half of a project needs.
	churnMinHalf = 3
)

func checkChurn(v *view) []Finding {
	commits := v.history()
	var out []Finding
	out = append(out, coChangingProjects(v, commits)...)
	for _, m := range v.modules {
		if f, ok := independentHalves(m, commits); ok {
			out = append(out, f)
		}
	}
	return out
}

// history is the workspace-relative files of each recent commit, newest first.
func (v *view) history() [][]string {
	repo, ok := repositoryRoot(v.ws.Root)
	if !ok {
		return nil
	}
	prefix := repositoryPath(v.ws.Root)
	cmd := exec.Command("git", "-C", repo, "log", "--no-merges", "--name-only", "--format=%x00",
		fmt.Sprintf("-n%d", churnCommits), "--", filepath.FromSlash(orDot(prefix)))
	outText, err := cmd.Output()
	if err != nil {
		return nil // no git, or not a repository git can read: no advice, not a failure
	}
	var commits [][]string
	for _, block := range bytes.Split(outText, []byte{0}) {
		var files []string
		for _, line := range strings.Split(string(block), "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			if prefix != "" {
				rel, ok := strings.CutPrefix(line, prefix+"/")
				if !ok {
					continue
				}
				line = rel
			}
			files = append(files, line)
		}
		if len(files) > 0 {
			commits = append(commits, files)
		}
	}
	return commits
}

func orDot(s string) string {
	if s == "" {
		return "."
	}
	return s
}

// coChangingProjects reports pairs of projects most of whose commits change both.
func coChangingProjects(v *view, commits [][]string) []Finding {
	count := map[string]int{}
	together := map[[2]string]int{}
	for _, files := range commits {
		touched := map[string]bool{}
		for _, f := range files {
			for _, m := range v.modules {
				if m.project.Contains(f) {
					touched[m.project.Name] = true
				}
			}
		}
		names := slices.Sorted(maps.Keys(touched))
		for i, a := range names {
			count[a]++
			for _, b := range names[i+1:] {
				together[[2]string{a, b}]++
			}
		}
	}
	pairs := make([][2]string, 0, len(together))
	for p := range together {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i][0]+"\x00"+pairs[i][1] < pairs[j][0]+"\x00"+pairs[j][1] })
	var out []Finding
	for _, p := range pairs {
		n := together[p]
		quieter := min(count[p[0]], count[p[1]])
		if n < churnMinTogether || float64(n) < churnCoupling*float64(quieter) {
			continue
		}
		out = append(out, ruleChurnCoupled.at(p[0], Pos{},
			"projects %s and %s changed together in %d of their last %d and %d commits; they are one unit of change: merge them, or move what both keep editing into one of them",
			p[0], p[1], n, count[p[0]], count[p[1]]))
	}
	return out
}

// independentHalves reports a project whose .tf files form groups that never change in the
// same commit, each group changed often enough to be a unit of its own. Flow YAML, tests and
// env files are left out: a flow's content changes on its own by nature.
func independentHalves(m *module, commits [][]string) (Finding, bool) {
	parent := map[string]string{}
	var find func(string) string
	find = func(f string) string {
		if parent[f] == "" || parent[f] == f {
			parent[f] = f
			return f
		}
		parent[f] = find(parent[f])
		return parent[f]
	}
	var inProject [][]string
	for _, files := range commits {
		var mine []string
		for _, f := range files {
			if m.project.Contains(f) && strings.HasSuffix(f, ".tf") {
				mine = append(mine, f)
			}
		}
		if len(mine) == 0 {
			continue
		}
		inProject = append(inProject, mine)
		for _, f := range mine[1:] {
			parent[find(f)] = find(mine[0])
		}
		find(mine[0])
	}
	groups := map[string][]string{}
	changes := map[string]int{}
	for f := range parent {
		groups[find(f)] = append(groups[find(f)], f)
	}
	for _, mine := range inProject {
		changes[find(mine[0])]++
	}
	var halves []string
	for root, files := range groups {
		if changes[root] < churnMinHalf {
			return Finding{}, false // a group too quiet to tell: no advice
		}
		sort.Strings(files)
		halves = append(halves, strings.Join(files, ", "))
	}
	if len(halves) < 2 {
		return Finding{}, false
	}
	sort.Strings(halves)
	f := ruleChurnHalves.at(m.project.Name, Pos{},
		"project %s has %d groups of files that never changed in the same commit; each is its own unit of change: split the project along them", m.project.Name, len(halves))
	f.Suggestion = halves
	return f, true
}
