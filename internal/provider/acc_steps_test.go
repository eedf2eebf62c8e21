package provider

import (
	"fmt"
	"net/http"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// test runs an acceptance test against this org with the provider served in-process.
// checkDestroy (nil for none) confirms through the API that the destroy at the end worked.
func (o *accOrg) test(checkDestroy resource.TestCheckFunc, steps ...resource.TestStep) {
	o.t.Helper()
	resource.Test(o.t, resource.TestCase{
		ProtoV6ProviderFactories: o.factories(),
		CheckDestroy:             checkDestroy,
		Steps:                    steps,
	})
}

// importStep imports addr by its id and checks that the import reads back exactly the state.
func importStep(addr string) resource.TestStep {
	return resource.TestStep{ResourceName: addr, ImportState: true, ImportStateVerify: true}
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

// recreatedStep deletes addr's object in the org behind OpenTofu's back; applying config
// must create it again.
func (o *accOrg) recreatedStep(st *lastState, addr, apiPath, config string) resource.TestStep {
	return resource.TestStep{
		PreConfig:        func() { o.do(http.MethodDelete, apiPath+"/"+st.id(addr), nil, nil) },
		Config:           config,
		ConfigPlanChecks: expectAction(addr, plancheck.ResourceActionCreate),
		Check:            o.checkExists(addr, apiPath),
	}
}

// byNameData declares the data source typ, labelled by_name, that finds addr's object by
// its name.
func byNameData(typ, addr string) string {
	return fmt.Sprintf("data %q \"by_name\" {\n  name = %s.name\n}\n", typ, addr)
}

// supportDivision declares a division "Support" as genesyscloud_auth_division.d.
const supportDivision = `
resource "genesyscloud_auth_division" "d" {
  name = "Support"
}
`
