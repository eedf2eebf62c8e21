package provider

import (
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"slices"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// test runs an acceptance test against this org with the provider served in-process.
// checkDestroy (nil for none) confirms through the API that the destroy at the end worked.
// Acceptance tests run in parallel with each other (each has an org of its own): most of
// their time is OpenTofu starting and waiting, not CPU.
func (o *accOrg) test(checkDestroy resource.TestCheckFunc, steps ...resource.TestStep) {
	o.t.Helper()
	resource.ParallelTest(o.t, o.testCase(checkDestroy, steps))
}

// testInWorkingDir is test for a test that changed the process's working directory (t.Chdir),
// which Go forbids in a parallel test: it runs alone.
func (o *accOrg) testInWorkingDir(checkDestroy resource.TestCheckFunc, steps ...resource.TestStep) {
	o.t.Helper()
	resource.Test(o.t, o.testCase(checkDestroy, steps))
}

func (o *accOrg) testCase(checkDestroy resource.TestCheckFunc, steps []resource.TestStep) resource.TestCase {
	return resource.TestCase{ProtoV6ProviderFactories: o.factories(), CheckDestroy: checkDestroy, Steps: steps}
}

// importStep imports addr by its id and checks that the import reads back exactly the state.
func importStep(addr string) resource.TestStep {
	return resource.TestStep{ResourceName: addr, ImportState: true, ImportStateVerify: true}
}

// planFails is a step whose plan must fail with an error matching want: bad input caught
// before anything reaches the org.
func planFails(config string, want *regexp.Regexp) resource.TestStep {
	return resource.TestStep{Config: config, PlanOnly: true, ExpectError: want}
}

// expectPlan checks the plan before it is applied.
func expectPlan(checks ...plancheck.PlanCheck) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: checks}
}

// expectAction checks that the plan does action to addr.
func expectAction(addr string, action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return expectPlan(plancheck.ExpectResourceAction(addr, action))
}

// expectDrift checks that the plan sees a change made behind OpenTofu's back and undoes
// it by doing action to addr.
func expectDrift(addr string, action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return expectPlan(plancheck.ExpectNonEmptyPlan(), plancheck.ExpectResourceAction(addr, action))
}

// updatedInPlace checks that addr kept the id captured before this step: the object was
// updated, not replaced. what names it in the failure.
func (l *lastState) updatedInPlace(what, addr string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		if got := idOf(s, addr); got != l.id(addr) {
			return fmt.Errorf("%s was replaced (%s → %s), want an update in place", what, l.id(addr), got)
		}
		return nil
	}
}

// orgObject reads the object at apiPath/id straight from the org, not through the provider.
func orgObject[T any](o *accOrg, apiPath, id string) T {
	o.t.Helper()
	var obj T
	o.do(http.MethodGet, apiPath+"/"+id, nil, &obj)
	return obj
}

// editInOrg changes an object behind OpenTofu's back, as someone in the UI would: it reads
// the object at apiPath/id, lets edit change it, and PUTs it back whole.
func editInOrg[T any](o *accOrg, apiPath, id string, edit func(*T)) {
	o.t.Helper()
	obj := orgObject[T](o, apiPath, id)
	edit(&obj)
	o.do(http.MethodPut, apiPath+"/"+id, obj, nil)
}

// inOrg checks the object addr names as the org holds it, read straight from the API at
// apiPath rather than through the provider.
func inOrg[T any](o *accOrg, apiPath, addr string, check func(obj T) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		return check(orgObject[T](o, apiPath, idOf(s, addr)))
	}
}

// byNameData declares the data source typ, labelled by_name, that finds addr's object by
// its name.
func byNameData(typ, addr string) string { return byNameDataWith(typ, addr, "name", "") }

// byNameDataWith is byNameData for a kind whose objects are named by another attribute (an
// email domain by its domain_id), with further arguments (HCL lines) for a data source that
// finds an object by more than its name (a response in a library).
func byNameDataWith(typ, addr, nameAttr, args string) string {
	return fmt.Sprintf("data %q \"by_name\" {\n  name = %s.%s\n%s}\n", typ, addr, nameAttr, args)
}

// supportDivision declares a division "Support" as genesyscloud_auth_division.d.
const supportDivision = `
resource "genesyscloud_auth_division" "d" {
  name = "Support"
}
`

// lifecycle is the part of a resource's acceptance test that every resource goes through:
// create, change in place, import, and a change made in the org behind OpenTofu's back that
// the next apply undoes. The test brings its configurations and its own checks; the steps add
// what holds for every resource (see lifecycleSteps).
type lifecycle struct {
	// addr is the resource under test; apiPath the collection its object lives in.
	addr, apiPath string
	// create and update are the first two configurations; update must change the object in
	// place. Their checks run after each apply.
	create, update             string
	createChecks, updateChecks []resource.TestCheckFunc
	// respelled is create spelled differently (JSON with other key order and spacing), which
	// must plan no change; "" for none.
	respelled string
	// importIgnore are attributes the import does not read back as configured (kept as
	// spelled in the configuration, e.g. JSON).
	importIgnore []string
	// editInOrg changes the object with id in the org, as someone in the UI would; the plan
	// must show it and applying driftConfig (update when "") must undo it, which restored
	// checks in the org.
	editInOrg   func(id string)
	driftConfig string
	restored    resource.TestCheckFunc
}

// lifecycleSteps are the steps of l. Besides the test's own checks: the created object exists
// in the org, the update is planned in place, and the state is captured after both (st then
// knows the id for the drift step and for any steps the test adds after these).
func (o *accOrg) lifecycleSteps(st *lastState, l lifecycle) []resource.TestStep {
	driftConfig := l.driftConfig
	if driftConfig == "" {
		driftConfig = l.update
	}
	out := []resource.TestStep{{
		Config: l.create,
		Check:  resource.ComposeAggregateTestCheckFunc(append(l.createChecks, o.checkExists(l.addr, l.apiPath), st.capture)...),
	}}
	if l.respelled != "" {
		out = append(out, resource.TestStep{Config: l.respelled, PlanOnly: true})
	}
	return append(out,
		resource.TestStep{
			Config:           l.update,
			ConfigPlanChecks: expectAction(l.addr, plancheck.ResourceActionUpdate),
			Check:            resource.ComposeAggregateTestCheckFunc(append(l.updateChecks, st.capture)...),
		},
		resource.TestStep{ResourceName: l.addr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: l.importIgnore},
		resource.TestStep{
			PreConfig:        func() { l.editInOrg(st.id(l.addr)) },
			Config:           driftConfig,
			ConfigPlanChecks: expectDrift(l.addr, plancheck.ResourceActionUpdate),
			Check:            l.restored,
		},
	)
}

// foundByName checks that the by-name data source of typ (declared with byNameData) found
// addr's object.
func foundByName(typ, addr string) resource.TestCheckFunc {
	return resource.TestCheckResourceAttrPair("data."+typ+".by_name", "id", addr, "id")
}

// inHomeDivision checks that addr, created without a division, reports the home division
// (the configuration declares `data "genesyscloud_auth_division_home" "home" {}`).
func inHomeDivision(addr string) resource.TestCheckFunc {
	return resource.TestCheckResourceAttrPair(addr, "division_id", "data.genesyscloud_auth_division_home.home", "id")
}

// steps joins groups of test steps in order.
func steps(groups ...[]resource.TestStep) []resource.TestStep {
	var out []resource.TestStep
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// absent, as a value in attrChecks, expects the attribute not to be set at all.
const absent = "<absent>"

// attrChecks checks addr's attributes against want (attribute → value, or absent), in
// attribute order, followed by more.
func attrChecks(addr string, want map[string]string, more ...resource.TestCheckFunc) []resource.TestCheckFunc {
	var out []resource.TestCheckFunc
	for _, attr := range slices.Sorted(maps.Keys(want)) {
		if want[attr] == absent {
			out = append(out, resource.TestCheckNoResourceAttr(addr, attr))
			continue
		}
		out = append(out, resource.TestCheckResourceAttr(addr, attr, want[attr]))
	}
	return append(out, more...)
}
