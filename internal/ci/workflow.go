package ci

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Job is a generated job as a CI system sees it: what it waits for and the cx commands its
// scripts run. Reading the generated files back this way lets tests (and people) check the
// order jobs run in and run their cx steps outside the CI system.
type Job struct {
	ID          string
	Needs       []string
	Environment string
	// Scripts are the job's shell scripts in order (GitHub run: steps, GitLab script: lines).
	Scripts []string
}

// githubWorkflow is the part of a GitHub Actions workflow that job order and steps need.
type githubWorkflow struct {
	Jobs yaml.Node `yaml:"jobs"`
}

type githubJob struct {
	Needs       stringOrList `yaml:"needs"`
	Environment yaml.Node    `yaml:"environment"`
	Steps       []struct {
		Run string `yaml:"run"`
	} `yaml:"steps"`
}

// stringOrList is a key that takes one string or a list of them (needs:).
type stringOrList []string

func (s *stringOrList) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*s = []string{n.Value}
		return nil
	}
	var l []string
	if err := n.Decode(&l); err != nil {
		return err
	}
	*s = l
	return nil
}

// ReadGitHubWorkflow returns a workflow's jobs in the order the file declares them.
func ReadGitHubWorkflow(content []byte) ([]Job, error) {
	var w githubWorkflow
	if err := yaml.Unmarshal(content, &w); err != nil {
		return nil, fmt.Errorf("read workflow: %w", err)
	}
	var jobs []Job
	for i := 0; i+1 < len(w.Jobs.Content); i += 2 {
		id := w.Jobs.Content[i].Value
		var gj githubJob
		if err := w.Jobs.Content[i+1].Decode(&gj); err != nil {
			return nil, fmt.Errorf("read job %s: %w", id, err)
		}
		env, err := environmentName(gj.Environment)
		if err != nil {
			return nil, fmt.Errorf("read job %s's environment: %w", id, err)
		}
		j := Job{ID: id, Needs: gj.Needs, Environment: env}
		for _, s := range gj.Steps {
			if s.Run != "" {
				j.Scripts = append(j.Scripts, s.Run)
			}
		}
		jobs = append(jobs, j)
	}
	return jobs, nil
}

// environmentName reads a job's environment: in both CI systems a name, or a mapping with
// the name under name:.
func environmentName(n yaml.Node) (string, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Value, nil
	case yaml.MappingNode:
		var named struct{ Name string }
		if err := n.Decode(&named); err != nil {
			return "", err
		}
		return named.Name, nil
	}
	return "", nil
}

// gitlabReserved are the top-level keys of .gitlab-ci.yml that are not jobs.
var gitlabReserved = map[string]bool{"workflow": true, "stages": true, "default": true, "variables": true,
	"include": true, "image": true, "services": true, "before_script": true, "after_script": true, "cache": true, "spec": true}

type gitlabJob struct {
	Needs       []gitlabNeed `yaml:"needs"`
	Environment yaml.Node    `yaml:"environment"`
	Script      []string     `yaml:"script"`
}

// gitlabNeed is one needs: entry: a job name, or a mapping naming it under job:.
type gitlabNeed string

func (g *gitlabNeed) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*g = gitlabNeed(n.Value)
		return nil
	}
	var m struct{ Job string }
	if err := n.Decode(&m); err != nil {
		return err
	}
	*g = gitlabNeed(m.Job)
	return nil
}

// ReadGitLabCI returns the jobs of a .gitlab-ci.yml in the order the file declares them
// (top-level keys that are not GitLab's own settings, nor hidden jobs starting with a dot),
// each job's script as one script.
func ReadGitLabCI(content []byte) ([]Job, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(content, &doc); err != nil {
		return nil, fmt.Errorf("read .gitlab-ci.yml: %w", err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("read .gitlab-ci.yml: not a mapping")
	}
	top := doc.Content[0]
	var jobs []Job
	for i := 0; i+1 < len(top.Content); i += 2 {
		id := top.Content[i].Value
		if gitlabReserved[id] || strings.HasPrefix(id, ".") {
			continue
		}
		var gj gitlabJob
		if err := top.Content[i+1].Decode(&gj); err != nil {
			return nil, fmt.Errorf("read job %s: %w", id, err)
		}
		env, err := environmentName(gj.Environment)
		if err != nil {
			return nil, fmt.Errorf("read job %s's environment: %w", id, err)
		}
		j := Job{ID: id, Environment: env, Scripts: []string{strings.Join(gj.Script, "\n")}}
		for _, n := range gj.Needs {
			j.Needs = append(j.Needs, string(n))
		}
		jobs = append(jobs, j)
	}
	return jobs, nil
}

// RunOrder returns the jobs in an order a CI system may run them one at a time: every job
// after the jobs it needs, ties in the order given. It fails on a need naming no job and on
// a cycle.
func RunOrder(jobs []Job) ([]Job, error) {
	byID := map[string]int{}
	for i, j := range jobs {
		byID[j.ID] = i
	}
	waiting := make([]int, len(jobs))
	dependents := map[string][]int{}
	for i, j := range jobs {
		for _, n := range j.Needs {
			if _, ok := byID[n]; !ok {
				return nil, fmt.Errorf("job %s needs %s, which is no job", j.ID, n)
			}
			waiting[i]++
			dependents[n] = append(dependents[n], i)
		}
	}
	var ready, order []int
	for i := range jobs {
		if waiting[i] == 0 {
			ready = append(ready, i)
		}
	}
	for len(ready) > 0 {
		sort.Ints(ready)
		i := ready[0]
		ready = ready[1:]
		order = append(order, i)
		for _, d := range dependents[jobs[i].ID] {
			if waiting[d]--; waiting[d] == 0 {
				ready = append(ready, d)
			}
		}
	}
	if len(order) < len(jobs) {
		var stuck []string
		for i, w := range waiting {
			if w > 0 {
				stuck = append(stuck, jobs[i].ID)
			}
		}
		return nil, fmt.Errorf("jobs %s need each other in a cycle", strings.Join(stuck, ", "))
	}
	out := make([]Job, 0, len(jobs))
	for _, i := range order {
		out = append(out, jobs[i])
	}
	return out, nil
}

// LongestNeedsChain is the number of jobs in the longest chain of jobs each needing the
// next, counting only jobs for which include is true (needs through other jobs still link
// them). jobs must be free of cycles (see RunOrder).
func LongestNeedsChain(jobs []Job, include func(Job) bool) (int, error) {
	ordered, err := RunOrder(jobs)
	if err != nil {
		return 0, err
	}
	chain := map[string]int{}
	longest := 0
	for _, j := range ordered {
		n := 0
		for _, d := range j.Needs {
			n = max(n, chain[d])
		}
		if include(j) {
			n++
		}
		chain[j.ID] = n
		longest = max(longest, n)
	}
	return longest, nil
}

// CXCommands returns the arguments of every cx command in a script, one line each, with
// $NAME and ${NAME} replaced from env and quotes removed; what follows a redirection, a pipe
// or a command separator is not part of the command.
func CXCommands(script string, env map[string]string) [][]string {
	var out [][]string
	for _, line := range strings.Split(script, "\n") {
		words := shellWords(strings.TrimSpace(line), env)
		if len(words) > 0 && words[0] == "cx" {
			out = append(out, slices.Clone(words[1:]))
		}
	}
	return out
}

// shellWords splits one line of POSIX shell into words, enough for the commands the
// generators write: quotes, variable expansion, and a stop at the first operator.
func shellWords(line string, env map[string]string) []string {
	var words []string
	var word strings.Builder
	inWord := false
	quote := byte(0)
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quote == '\'' && c != '\'':
			word.WriteByte(c)
		case c == '\\' && i+1 < len(line) && (quote == 0 || strings.IndexByte("$`\"\\", line[i+1]) >= 0):
			word.WriteByte(line[i+1]) // an escaped character stands for itself
			inWord = true
			i++
		case c == '\'' || c == '"':
			if quote == 0 {
				quote, inWord = c, true
			} else if quote == c {
				quote = 0
			} else {
				word.WriteByte(c)
			}
		case c == '$' && i+1 < len(line):
			name, n := variableAt(line[i+1:])
			if n == 0 {
				word.WriteByte(c)
				continue
			}
			word.WriteString(env[name])
			inWord = true
			i += n
		case quote == 0 && (c == ' ' || c == '\t'):
			if inWord {
				words = append(words, word.String())
				word.Reset()
				inWord = false
			}
		case quote == 0 && strings.IndexByte("><|;&", c) >= 0:
			if inWord && (c != '>' || word.String() != "2") {
				words = append(words, word.String())
			}
			return words
		default:
			word.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, word.String())
	}
	return words
}

// variableAt reads a variable name at the start of s ("NAME…" or "{NAME}…") and returns it
// and how many bytes it took; 0 when s starts with no name.
func variableAt(s string) (string, int) {
	if strings.HasPrefix(s, "{") {
		end := strings.IndexByte(s, '}')
		if end < 0 {
			return "", 0
		}
		return s[1:end], end + 1
	}
	n := 0
	for n < len(s) && (s[n] == '_' || s[n] >= 'A' && s[n] <= 'Z' || s[n] >= 'a' && s[n] <= 'z' || n > 0 && s[n] >= '0' && s[n] <= '9') {
		n++
	}
	return s[:n], n
}
