package kinds

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// The catalogue is data every layer trusts: these checks keep its entries consistent.
func TestCatalogueConsistent(t *testing.T) {
	c := Genesys()
	for _, k := range c.All() {
		if k.Resource != "" && !strings.HasPrefix(k.Resource, "genesyscloud_") {
			t.Errorf("%s: resource type %q is not an official one", k.Name, k.Resource)
		}
		if !strings.HasPrefix(k.API.Collection, "/api/v2/") {
			t.Errorf("%s: collection %q is not a Platform API path", k.Name, k.API.Collection)
		}
		if k.Permission == "" || strings.Count(k.Permission, ":") != 1 {
			t.Errorf("%s: permission %q is not domain:entity", k.Name, k.Permission)
		}
		if k.Audit.Service == "" || k.Audit.Entity == "" {
			t.Errorf("%s: no audit service/entity", k.Name)
		}
		for _, d := range k.DependsOn {
			if c.Named(d) == nil {
				t.Errorf("%s: depends on unknown kind %q", k.Name, d)
			}
		}
		checkFields(t, c, k.Name, k.Fields)
		if k.API.Singleton && (k.Unmanaged || k.BulkRead || !k.API.NoList || k.API.Update == "") {
			t.Errorf("%s: a singleton is never listed (NoList, not Unmanaged or BulkRead) and changes by its update method", k.Name)
		}
		if k.API.Defaults != "" && !json.Valid([]byte(k.API.Defaults)) {
			t.Errorf("%s: defaults are not JSON", k.Name)
		}
		for _, u := range k.NotYet {
			if k.Field(Steps(u.Attr)[0]) != nil || u.Type == "" || u.Why == "" {
				t.Errorf("%s: not-yet attribute %q is mapped, or says no type or reason", k.Name, u.Attr)
			}
		}
		// An email domain is named by its domain_id (FoundBy), not by a name attribute.
		if k.Regular() && k.IdentifyingField() == nil && k.Names != NoName {
			t.Errorf("%s: a regular named kind needs a name field", k.Name)
		}
	}
}

func checkFields(t *testing.T, c *Catalogue, kind string, fs []Field) {
	t.Helper()
	seen := map[string]bool{}
	for _, f := range fs {
		if seen[f.Attr] {
			t.Errorf("%s: attribute %q twice", kind, f.Attr)
		}
		seen[f.Attr] = true
		if f.Ref != "" && c.Named(f.Ref) == nil {
			t.Errorf("%s.%s: refers to unknown kind %q", kind, f.Attr, f.Ref)
		}
		if f.IsBlock() != (len(f.Nested) > 0) {
			t.Errorf("%s.%s: only blocks have nested fields", kind, f.Attr)
		}
		if f.Members && f.Type != StringSet {
			t.Errorf("%s.%s: members are a set of ids", kind, f.Attr)
		}
		if a := f.AddedThrough; a != nil && (f.Type != Block || !f.WriteOnly || a.Path == "" || findField(f.Nested, a.Body) == nil) {
			t.Errorf("%s.%s: additions are a write-only block whose body attribute is one of its own", kind, f.Attr)
		}
		if n := f.NamedBy; n != nil && (f.Type != Bool || !strings.HasPrefix(n.Path, "/api/v2/") || n.JSON == "") {
			t.Errorf("%s.%s: a named-by field is a bool read from an API object's field", kind, f.Attr)
		}
		if k := f.KeptAt; k != nil && (f.Type != Block || k.Path == "" || findField(f.Nested, k.Key) == nil) {
			t.Errorf("%s.%s: an array kept beside the object is a block told apart by one of its own fields", kind, f.Attr)
		}
		if f.ChangesOnWrite && f.Mode != Computed {
			t.Errorf("%s.%s: only computed values change on every write", kind, f.Attr)
		}
		if f.WriteJSON != "" && len(Steps(f.WriteJSON)) != 1 {
			t.Errorf("%s.%s: the write path %q is not one top-level field", kind, f.Attr, f.WriteJSON)
		}
		if f.Unordered && !f.IsBlock() {
			t.Errorf("%s.%s: only blocks are unordered (lists and sets of strings say so by their type)", kind, f.Attr)
		}
		if f.Part != "" {
			if part := c.Named(f.Part); part == nil || !part.API.Singleton || part.Resource != "" || f.Type != Object ||
				!reflect.DeepEqual(attrsOf(part.Fields), attrsOf(f.Nested)) {
				t.Errorf("%s.%s: a part is an object field whose nested attributes are those of a singleton kind without a resource type", kind, f.Attr)
			}
		}
		checkFields(t, c, kind+"."+f.Attr, f.Nested)
	}
}

func TestLookups(t *testing.T) {
	c := Genesys()
	if k := c.ByResource("genesyscloud_routing_queue"); k == nil || k.Name != Queue {
		t.Fatalf("ByResource(queue) = %v", k)
	}
	if k := c.ByArchy("scheduleGroup"); k == nil || k.Name != ScheduleGroup {
		t.Fatalf("ByArchy(scheduleGroup) = %v", k)
	}
	// A flow is named as "flow" and, when it is a common module, as "commonModule".
	for _, ref := range []string{"flow", "commonModule"} {
		if k := c.ByArchy(ref); k == nil || k.Name != Flow {
			t.Fatalf("ByArchy(%s) = %v", ref, k)
		}
	}
	if k := c.ByArchy("prompt"); k == nil || k.Resource != "genesyscloud_architect_user_prompt" || !k.Served() {
		t.Fatalf("ByArchy(prompt) = %v: want the user prompt, served", k)
	}
	// A kind only known (user prompts were one until they were served) is still found by the
	// Archy names flows use for it, and is not served.
	for _, k := range c.Where(func(k *Kind) bool { return k.Coverage == KnownOnly }) {
		for _, ref := range k.Archy {
			if got := c.ByArchy(ref); got != k || got.Served() {
				t.Fatalf("ByArchy(%s) = %v: want %s, known but not served", ref, got, k.Name)
			}
		}
	}
	if k := c.ByCollection("/api/v2/routing/skills/"); k == nil || k.Name != Skill {
		t.Fatalf("ByCollection(skills) = %v", k)
	}
	for attr, want := range map[string]string{
		"queue_id": Queue, "overflow_queue_id": Queue, "skill_ids": Skill, "division_id": Division,
		"default_wrapup_code": WrapupCode, "holiday_schedules_id": Schedule, "flow_id": Flow, "description": "",
	} {
		got := ""
		if k := c.ForIDAttribute(attr); k != nil {
			got = k.Name
		}
		if got != want {
			t.Errorf("ForIDAttribute(%q) = %q, want %q", attr, got, want)
		}
	}
	if got := c.Named(Skill).PermissionFor("PATCH"); got != "routing:skill:edit" {
		t.Errorf("skill PATCH permission = %q", got)
	}
	if got := c.Named(DIDPool).PermissionFor("POST"); got != "telephony:plugin:all" {
		t.Errorf("DID pool POST permission = %q", got)
	}
}

func TestFieldPaths(t *testing.T) {
	var obj map[string]any
	if err := json.Unmarshal([]byte(`{"name":"n","division":{"id":"d","name":"Home"},
		"emergencyCallFlows":[{"emergencyFlow":{"id":"f"},"ivrs":[{"id":"a"},{"id":"b"}]}]}`), &obj); err != nil {
		t.Fatal(err)
	}
	if got := Get(obj, "division.id"); got != "d" {
		t.Errorf("division.id = %v", got)
	}
	flows := Get(obj, "emergencyCallFlows").([]any)
	if got := Get(flows[0].(map[string]any), "ivrs[].id"); !reflect.DeepEqual(got, []any{"a", "b"}) {
		t.Errorf("ivrs[].id = %v", got)
	}
	if got := Get(obj, "missing.id"); got != nil {
		t.Errorf("missing.id = %v", got)
	}

	out := map[string]any{}
	Set(out, "division.id", "d2")
	Set(out, "ivrs[].id", []any{"x", "y"})
	Set(out, "name", "m")
	Set(out, "name", nil)
	b, _ := json.Marshal(out)
	if want := `{"division":{"id":"d2"},"ivrs":[{"id":"x"},{"id":"y"}]}`; string(b) != want {
		t.Errorf("Set built %s, want %s", b, want)
	}
	if TopLevel("ivrs[].id") != "ivrs" || TopLevel("division.id") != "division" {
		t.Error("TopLevel")
	}

	// A key holding dots is one step when its dots are escaped.
	keyed := map[string]any{}
	Set(keyed, `responses.disposition\.classification\.callable\.busy.reactionType`, "hangup")
	b, _ = json.Marshal(keyed)
	if want := `{"responses":{"disposition.classification.callable.busy":{"reactionType":"hangup"}}}`; string(b) != want {
		t.Errorf("Set with an escaped key built %s, want %s", b, want)
	}
	if got := Get(keyed, `responses.disposition\.classification\.callable\.busy.reactionType`); got != "hangup" {
		t.Errorf("Get with an escaped key = %v", got)
	}
	if got := Steps(`a.b\.c.d`); !reflect.DeepEqual(got, []string{"a", "b.c", "d"}) {
		t.Errorf("Steps = %q", got)
	}
}

func TestBlockObjects(t *testing.T) {
	address := map[string]any{"city": "Indianapolis"}
	for _, c := range []struct {
		name string
		f    Field
		raw  any
		want int
	}{
		{"object present", Field{Type: Object}, address, 1},
		{"object absent", Field{Type: Object}, nil, 0},
		{"object of the wrong shape", Field{Type: Object}, []any{address}, 0},
		{"block list", Field{Type: Block}, []any{address, "not an object", address}, 2},
		{"block list absent", Field{Type: Block}, nil, 0},
	} {
		if got := c.f.BlockObjects(c.raw); len(got) != c.want {
			t.Errorf("%s: %d objects, want %d", c.name, len(got), c.want)
		}
	}
	if !(&Field{Type: Object}).IsBlock() || !(&Field{Type: Block}).IsBlock() || (&Field{Type: StringList}).IsBlock() {
		t.Error("IsBlock")
	}
}

// A child kind's objects live in their parent's collection; the id other layers hold names
// both, and its own part is escaped in paths (a row's key may hold spaces and slashes).
func TestChildCollectionPaths(t *testing.T) {
	api := API{Collection: "/api/v2/flows/datatables/" + ParentID + "/rows", Parent: DataTable}
	if got := api.CollectionOf("t1"); got != "/api/v2/flows/datatables/t1/rows" {
		t.Errorf("CollectionOf = %q", got)
	}
	id := ChildID("t1", "46278 / north")
	if got := api.Item(id); got != "/api/v2/flows/datatables/t1/rows/46278%20%2F%20north" {
		t.Errorf("Item(%q) = %q", id, got)
	}
	if p, own, ok := SplitChildID(id); !ok || p != "t1" || own != "46278 / north" {
		t.Errorf("SplitChildID(%q) = %q, %q, %v", id, p, own, ok)
	}
	for _, bad := range []string{"t1", "/k", "t1/"} {
		if _, _, ok := SplitChildID(bad); ok {
			t.Errorf("SplitChildID(%q) accepted", bad)
		}
	}
	if got := (API{Collection: "/api/v2/routing/skills"}).Item("s/1"); got != "/api/v2/routing/skills/s/1" {
		t.Errorf("a kind without a parent: Item = %q", got)
	}
	row := &Kind{IDKey: "key"}
	if got := row.OwnID(map[string]any{"key": "46278", "id": "x"}); got != "46278" {
		t.Errorf("OwnID = %q", got)
	}
}

// An object whose path is not Collection/{id} names it with ItemPath.
func TestItemPath(t *testing.T) {
	api := API{Collection: "/api/v2/flows/instances/settings/loglevels", ItemPath: "/api/v2/flows/{id}/instances/settings/loglevels"}
	if got := api.Item("f1"); got != "/api/v2/flows/f1/instances/settings/loglevels" {
		t.Errorf("Item = %q", got)
	}
}

// A keyed block reads an object's entries as blocks, ordered by key, and writes blocks back
// as that object: entries whose value is an object carry its fields, other values sit at
// EntryValue.
func TestKeyedBlocks(t *testing.T) {
	labels := Field{Type: Block, Nested: []Field{
		{Attr: "label_id", JSON: EntryKey, Type: String},
		{Attr: "maximum_capacity", JSON: "maximumCapacity", Type: Int},
	}}
	raw := map[string]any{"b": map[string]any{"maximumCapacity": 2.0}, "a": map[string]any{"maximumCapacity": 1.0}}
	got := labels.BlockObjects(raw)
	want := []map[string]any{{EntryKey: "a", "maximumCapacity": 1.0}, {EntryKey: "b", "maximumCapacity": 2.0}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("BlockObjects = %v, want %v", got, want)
	}
	if raw["a"].(map[string]any)[EntryKey] != nil {
		t.Error("BlockObjects changed the API's object")
	}
	var blocks []any
	for _, o := range got {
		blocks = append(blocks, o)
	}
	if back := labels.BlockJSON(append(blocks, map[string]any{"maximumCapacity": 3.0})); !reflect.DeepEqual(back, any(raw)) {
		t.Errorf("BlockJSON = %v, want %v (a block without a key left out)", back, raw)
	}

	mappings := Field{Type: Block, Nested: []Field{
		{Attr: "wrapup_code_id", JSON: EntryKey, Type: String},
		{Attr: "flags", JSON: EntryValue, Type: StringSet},
	}}
	flags := map[string]any{"code": []any{"Contact_UnCallable"}}
	objs := mappings.BlockObjects(flags)
	if len(objs) != 1 || objs[0][EntryKey] != "code" || !reflect.DeepEqual(objs[0][EntryValue], []any{"Contact_UnCallable"}) {
		t.Errorf("BlockObjects of plain values = %v", objs)
	}
	if back := mappings.BlockJSON([]any{objs[0]}); !reflect.DeepEqual(back, any(flags)) {
		t.Errorf("BlockJSON of plain values = %v, want %v", back, flags)
	}
	if (&Field{Type: Block, Nested: []Field{{Attr: "x", JSON: "x"}}}).Keyed() {
		t.Error("a block without an EntryKey field is keyed")
	}
}

// findField finds a field by attribute among fs, or nil.
func findField(fs []Field, attr string) *Field {
	for i := range fs {
		if fs[i].Attr == attr {
			return &fs[i]
		}
	}
	return nil
}

// attrsOf are the attribute names of fields, in order.
func attrsOf(fs []Field) []string {
	out := make([]string, 0, len(fs))
	for _, f := range fs {
		out = append(out, f.Attr)
	}
	return out
}

// A drafted kind's paths hang under its object, which DELETE still addresses at Item.
func TestDraftPaths(t *testing.T) {
	a := API{Collection: "/api/v2/webdeployments/configurations", Drafts: true}
	for _, c := range []struct{ got, want string }{
		{a.DraftPath("c1"), "/api/v2/webdeployments/configurations/c1/versions/draft"},
		{a.PublishPath("c1"), "/api/v2/webdeployments/configurations/c1/versions/draft/publish"},
		{a.VersionsPath("c1"), "/api/v2/webdeployments/configurations/c1/versions"},
		{a.VersionPath("c1", "2"), "/api/v2/webdeployments/configurations/c1/versions/2"},
		{a.Item("c1"), "/api/v2/webdeployments/configurations/c1"},
		{a.ReadPath("c1"), "/api/v2/webdeployments/configurations/c1/versions/draft"},
		{API{Collection: "/api/v2/routing/skills"}.ReadPath("s1"), "/api/v2/routing/skills/s1"},
	} {
		if c.got != c.want {
			t.Errorf("path %q, want %q", c.got, c.want)
		}
	}
}

// A data source's further outputs are top-level string fields of its kind, which it reads
// from the object found.
func TestLookupOutputsAreTopLevelStrings(t *testing.T) {
	for _, k := range Genesys().All() {
		for _, out := range k.LookupOutputs {
			f := k.Field(out)
			if f == nil || f.Type != String || strings.Contains(f.JSON, ".") || k.DataSource == "" {
				t.Errorf("%s: lookup output %q is not a top-level string field of a kind with a data source", k.Name, out)
			}
		}
	}
}

// A flag's alternative is a top-level list of the same kind, and the flag a top-level Bool.
func TestEitherOrNamesAList(t *testing.T) {
	for _, k := range Genesys().All() {
		for _, f := range k.Fields {
			if f.EitherOr == "" {
				continue
			}
			list := k.Field(f.EitherOr)
			if f.Type != Bool || list == nil || list.Type != StringList {
				t.Errorf("%s.%s: EitherOr %q must name a top-level list of strings beside a Bool", k.Name, f.Attr, f.EitherOr)
			}
		}
	}
}

// What the org answers for a field left out is the field's own kind of value, on a top-level
// field the user may leave to the org.
func TestOrgDefaultsAreTopLevelOptionalComputed(t *testing.T) {
	for _, k := range Genesys().All() {
		for _, f := range k.Fields {
			if f.OrgDefault == nil {
				continue
			}
			_, isString := f.OrgDefault.(string)
			if f.Mode != OptionalComputed || strings.Contains(f.JSON, ".") || (f.Type == String) != isString {
				t.Errorf("%s.%s: OrgDefault %v needs a top-level optional+computed field of its type", k.Name, f.Attr, f.OrgDefault)
			}
		}
	}
}

// An Adopts field is a top-level Bool of a kind with a builtin object to adopt or a
// top-level String, and a
// SentEmpty field is a top-level optional scalar.
func TestAdoptsAndSentEmptyFields(t *testing.T) {
	for _, k := range Genesys().All() {
		for _, f := range k.Fields {
			if f.Adopts && ((f.Type == Bool) != (k.API.BuiltinPath != "") || (f.Type != Bool && f.Type != String) || strings.Contains(f.JSON, ".")) {
				t.Errorf("%s.%s: Adopts needs a top-level Bool of a kind with API.BuiltinPath, or a top-level String", k.Name, f.Attr)
			}
			if f.SentEmpty && (f.Mode != Optional || f.Type > Float || strings.Contains(f.JSON, ".")) {
				t.Errorf("%s.%s: SentEmpty needs a top-level optional scalar field", k.Name, f.Attr)
			}
		}
	}
}

// A child kind's collection is found under any one parent, and nothing deeper or shallower.
func TestByCollectionFindsChildKinds(t *testing.T) {
	c := Genesys()
	for path, want := range map[string]string{
		"/api/v2/flows/datatables/t1/rows":    DataTableRow,
		"/api/v2/flows/datatables/t1/rows/":   DataTableRow,
		"/api/v2/flows/datatables":            DataTable,
		"/api/v2/flows/datatables/t1/x/rows":  "",
		"/api/v2/flows/datatables//rows":      "",
		"/api/v2/flows/datatables/t1/rows/k1": "",
	} {
		got := ""
		if k := c.ByCollection(path); k != nil {
			got = k.Name
		}
		if got != want {
			t.Errorf("ByCollection(%q) = %q, want %q", path, got, want)
		}
	}
}
