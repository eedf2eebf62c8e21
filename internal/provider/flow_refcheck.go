package provider

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/cxascode/cxascode/internal/archy"
	"github.com/cxascode/cxascode/internal/configscan"
	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/platform"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// The plan-time reference check. A flow names other objects (queues, skills, schedule
// groups, data actions, other flows, …); publishing fails when one does not exist. The plan
// fails first, with the file, line and column, unless the object
//
//   - exists in the org (looked up by name, ignoring case as Architect does), or
//   - is declared in the same configuration: a `resource "<type>" "x" { name = "<literal>" }`
//     (or, for flows, a genesyscloud_flow whose file names it) in one of the directories
//     below, so a configuration that creates a queue and the flow using it plans cleanly.
//
// Which directories hold "the same configuration": OpenTofu starts the provider with the root
// module as its working directory, so that one; and the directory of the flow file when it
// holds .tf files (flows kept beside their main.tf, and providers run in-process by tests or
// tools, whose working directory is not the root module). Names that are not literals
// (variables, expressions) cannot be matched: when a resource of the needed type has one, a
// missing object is a warning, not an error.
//
// Objects the check cannot look up (kinds the provider does not serve, such as contact
// lists; references into other files) give a warning. The check runs when the plan publishes
// (create, or a change of file, substitutions or published content), and not at all while
// the file or its substitutions are unknown.

// Which kind a reference names, the resource type that declares it and the collection that
// lists it come from the catalogue (kinds.ByArchy). Kinds the provider does not serve are
// not looked up; the few whose lookup is not a listing by name have a hook (existsHooks).

// flowRefChecker checks one plan's references; it scans the configuration once.
type flowRefChecker struct {
	client *platform.Client
	// declared maps a resource type to the lower-cased literal names declared.
	declared map[string]map[string]bool
	// opaque lists resource types declared with a name the scan cannot read.
	opaque map[string]bool
	// found caches org lookups by kind/integration/name.
	found map[string]bool
}

func newFlowRefChecker(c *platform.Client) *flowRefChecker {
	return &flowRefChecker{client: c, declared: map[string]map[string]bool{}, opaque: map[string]bool{}, found: map[string]bool{}}
}

// configDirs are the directories scanned for declarations (see above).
func configDirs(ctx context.Context, flowFile string) []string {
	var dirs []string
	cwd := workDir(ctx)
	if cwd != "" {
		dirs = append(dirs, cwd)
	}
	if abs, err := filepath.Abs(localPath(ctx, flowFile)); err == nil {
		d := filepath.Dir(abs)
		tf, _ := filepath.Glob(filepath.Join(d, "*.tf"))
		if d != cwd && len(tf) > 0 {
			dirs = append(dirs, d)
		}
	}
	return dirs
}

// scan records what the configuration declares. Problems reading it are warnings: the
// check then relies on the org alone.
func (c *flowRefChecker) scan(ctx context.Context, flowFile string, diags *diag.Diagnostics) {
	for _, dir := range configDirs(ctx, flowFile) {
		p, err := configscan.ScanDir(dir, ".")
		if err != nil {
			diags.AddWarning("Could not scan the configuration for the flow reference check", err.Error())
			continue
		}
		for _, o := range p.Declares {
			if c.declared[o.Type] == nil {
				c.declared[o.Type] = map[string]bool{}
			}
			c.declared[o.Type][strings.ToLower(o.Name)] = true
		}
		for _, u := range p.Unknown {
			if typ, _, ok := strings.Cut(u.Address, "."); ok && strings.HasPrefix(typ, "genesyscloud_") {
				c.opaque[typ] = true
			}
		}
	}
}

// check adds a diagnostic on filepath for every reference of f that cannot be satisfied.
func (c *flowRefChecker) check(ctx context.Context, f *flowFile, diags *diag.Diagnostics) {
	refs := f.flow.References()
	if len(refs) == 0 {
		return
	}
	c.scan(ctx, f.path, diags)
	for _, ref := range refs {
		k := kinds.Genesys().ByArchy(string(ref.Kind))
		noun := refNoun(ref, k)
		what := describeRef(ref, noun)
		switch {
		case ref.Kind == archy.RefFile:
			diags.AddAttributeWarning(path.Root("filepath"), "Flow reference not checked",
				fmt.Sprintf("%s: the reference into %s is not checked; a publish takes one self-contained file", ref.Pos, ref.Name))
			continue
		case k == nil:
			continue
		case c.declared[k.Resource][strings.ToLower(ref.Name)]:
			continue
		case !k.Served():
			diags.AddAttributeWarning(path.Root("filepath"), "Flow reference not checked",
				fmt.Sprintf("%s: %s is not checked: the provider does not look up %ss. Make sure it exists before applying.", ref.Pos, what, noun))
			continue
		}
		exists, err := c.exists(ctx, ref, k)
		if err != nil {
			diags.AddAttributeWarning(path.Root("filepath"), "Flow reference not checked",
				fmt.Sprintf("%s: looking up %s failed: %s", ref.Pos, what, apiErrorDetail(err)))
			continue
		}
		if exists {
			continue
		}
		msg := fmt.Sprintf("%s: %s does not exist in the org and is not created by this configuration", ref.Pos, what)
		hint := fmt.Sprintf("Declare it (resource %q with %s = %q), create it in the org, or correct the name in the flow file.", k.Resource, k.NameAttribute(), ref.Name)
		if c.opaque[k.Resource] {
			diags.AddAttributeWarning(path.Root("filepath"), "Flow reference may not exist",
				msg+". A "+k.Resource+" in this configuration has a name that is not a literal, so it may be the one. "+hint)
			continue
		}
		diags.AddAttributeError(path.Root("filepath"), fmt.Sprintf("Flow refers to a missing %s", noun), msg+".\n"+hint)
	}
}

// refNoun is how messages name what a reference points at: the kind's noun, except that a
// flow called as a common module is one.
func refNoun(ref archy.Ref, k *kinds.Kind) string {
	switch {
	case ref.Kind == archy.RefCommonModule:
		return "common module"
	case k != nil:
		return k.Noun
	}
	return string(ref.Kind)
}

func describeRef(ref archy.Ref, noun string) string {
	if ref.Kind == archy.RefDataAction && ref.Integration != "" {
		return fmt.Sprintf("%s %q of integration %q", noun, ref.Name, ref.Integration)
	}
	if ref.Kind == archy.RefFlow && ref.FlowType != "" {
		return fmt.Sprintf("%s flow %q", ref.FlowType, ref.Name)
	}
	return fmt.Sprintf("%s %q", noun, ref.Name)
}

// exists looks ref up in the org (cached per plan): through the kind's hook, else by
// listing its collection filtered by name.
func (c *flowRefChecker) exists(ctx context.Context, ref archy.Ref, k *kinds.Kind) (bool, error) {
	key := string(ref.Kind) + "\x00" + ref.Integration + "\x00" + ref.FlowType + "\x00" + strings.ToLower(ref.Name)
	if v, ok := c.found[key]; ok {
		return v, nil
	}
	var ok bool
	var err error
	if hook := c.existsHooks()[k.Name]; hook != nil {
		ok, err = hook(ctx, ref)
	} else {
		var objs []namedObject
		objs, err = listNamed(ctx, c.client, k.API.Collection, ref.Name)
		ok = len(objs) > 0
	}
	if err != nil {
		return false, err
	}
	c.found[key] = ok
	return ok, nil
}

// existsHooks are the lookups of kinds that are not found by listing their collection by
// name, by catalogue name: users (a search, or by email), data actions (within their
// integration) and flows (only a published version counts).
func (c *flowRefChecker) existsHooks() map[string]func(context.Context, archy.Ref) (bool, error) {
	return map[string]func(context.Context, archy.Ref) (bool, error){
		kinds.User: func(ctx context.Context, ref archy.Ref) (bool, error) { return c.userExists(ctx, ref.Name) },
		kinds.IntegrationAction: func(ctx context.Context, ref archy.Ref) (bool, error) {
			return c.dataActionExists(ctx, ref.Name, ref.Integration)
		},
		kinds.Flow: c.publishedFlowExists,
	}
}

// publishedFlowExists finds a flow (of the type the reference says; a common module when it
// names one) with a published version.
func (c *flowRefChecker) publishedFlowExists(ctx context.Context, ref archy.Ref) (bool, error) {
	flowType := ref.FlowType
	if ref.Kind == archy.RefCommonModule {
		flowType = "commonModule"
	}
	flows, err := findFlows(ctx, c.client, ref.Name, archy.APIType(flowType))
	ok := false
	for i := range flows {
		ok = ok || publishedVersion(&flows[i]) != ""
	}
	return ok, err
}

func (c *flowRefChecker) userExists(ctx context.Context, name string) (bool, error) {
	users, err := searchUsersExactly(ctx, c.client, "name", name)
	if err != nil {
		return false, err
	}
	for _, u := range users {
		if strings.EqualFold(deref(u.Name), name) && deref(u.State) != "deleted" {
			return true, nil
		}
	}
	if strings.Contains(name, "@") { // Architect also finds users by email
		u, err := findUserByEmail(ctx, c.client, name)
		return u != nil, err
	}
	return false, nil
}

// dataActionExists finds the action by name in the integration Archy names as its category:
// the action's category, or the name of the integration that holds it.
func (c *flowRefChecker) dataActionExists(ctx context.Context, name, integration string) (bool, error) {
	actions, err := listNamed(ctx, c.client, "/api/v2/integrations/actions", name)
	if err != nil || len(actions) == 0 {
		return false, err
	}
	for _, a := range actions {
		if integration == "" || strings.EqualFold(a.Category, integration) {
			return true, nil
		}
	}
	integrations, err := listNamed(ctx, c.client, "/api/v2/integrations", integration)
	if err != nil {
		return false, err
	}
	for _, a := range actions {
		for _, ig := range integrations {
			if a.IntegrationID == ig.ID {
				return true, nil
			}
		}
	}
	return false, nil
}

// namedObject is what the reference check reads of any listed object.
type namedObject struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	State         string `json:"state"`
	Deleted       bool   `json:"deleted"`
	Category      string `json:"category"`
	IntegrationID string `json:"integrationId"`
}

// listNamed lists the objects of a collection whose name is name, ignoring case; the
// server's name filter narrows the pages, the comparison happens here.
func listNamed(ctx context.Context, c *platform.Client, collection, name string) ([]namedObject, error) {
	const pageSize = 100
	var out []namedObject
	for page := 1; ; page++ {
		q := url.Values{"name": {name}, "pageSize": {strconv.Itoa(pageSize)}, "pageNumber": {strconv.Itoa(page)}}
		var listing struct {
			Entities  []namedObject `json:"entities"`
			PageCount int           `json:"pageCount"`
		}
		if err := c.Do(ctx, http.MethodGet, collection, q, nil, &listing); err != nil {
			return nil, err
		}
		for _, o := range listing.Entities {
			if strings.EqualFold(o.Name, name) && !o.Deleted && o.State != "deleted" {
				out = append(out, o)
			}
		}
		if len(listing.Entities) == 0 || page >= listing.PageCount {
			return out, nil
		}
	}
}
