package architect

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/google/uuid"
)

// User prompts (/api/v2/architect/prompts): recordings and text-to-speech a flow plays,
// one resource per language. A prompt's name is how flows refer to it (Prompt.<name>), so
// it starts with a letter and holds only letters, digits and underscores, and no two
// prompts share one. Its resources (PromptAsset) are kept inside the prompt, as GET
// answers them, and changed through /resources/{languageCode}. Audio upload is not served:
// a resource holds text and TTS only.
func (s *api) promptRoutes() {
	k := kinds.Genesys().Named(kinds.UserPrompt)
	item := k.API.Item("{id}")
	s.KindRoutes(kinds.UserPrompt, host.KindHandlers{List: s.listPrompts, Create: s.createPrompt, Get: s.getPrompt,
		Update: s.updatePrompt, Delete: s.deletePrompt})
	s.Route("GET "+item+"/resources", k.PermissionFor("GET"), s.listPromptResources)
	s.Route("POST "+item+"/resources", k.PermissionFor("PUT"), s.createPromptResource)
	s.Route("GET "+item+"/resources/{languageCode}", k.PermissionFor("GET"), s.getPromptResource)
	s.Route("PUT "+item+"/resources/{languageCode}", k.PermissionFor("PUT"), s.updatePromptResource)
	s.Route("DELETE "+item+"/resources/{languageCode}", k.PermissionFor("PUT"), s.deletePromptResource)
}

// KindPrompt holds Prompt JSON, its resources included.
const KindPrompt store.Kind = kinds.UserPrompt

// promptNamePattern is what a prompt's name may be: flows name it as Prompt.<name>.
var promptNamePattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)

// prompt is the API model Prompt, as far as the org keeps it.
type prompt struct {
	ID          string        `json:"id"`
	Name        string        `json:"name"`
	Description string        `json:"description,omitempty"`
	Resources   []promptAsset `json:"resources"`
	SelfURI     string        `json:"selfUri"`
}

// promptAsset is the API model PromptAsset: one language of a prompt.
type promptAsset struct {
	ID              string `json:"id"`
	Name            string `json:"name,omitempty"`
	PromptID        string `json:"promptId"`
	Language        string `json:"language"`
	TTSString       string `json:"ttsString,omitempty"`
	Text            string `json:"text,omitempty"`
	UploadStatus    string `json:"uploadStatus"`
	LanguageDefault bool   `json:"languageDefault"`
	SelfURI         string `json:"selfUri"`
}

func promptSelfURI(id string) string { return kinds.Genesys().Named(kinds.UserPrompt).API.Item(id) }

func (s *api) listPrompts(w http.ResponseWriter, r *http.Request) error {
	p, err := apihttp.ParsePage(r, 100)
	if err != nil {
		return err
	}
	names := apihttp.MultiParam(r, "name")
	items := [][]byte{}
	for _, o := range s.ListVisible(r, KindPrompt) {
		if len(names) > 0 && !matchesAnyName(names, o.Name) {
			continue
		}
		items = append(items, o.Data)
	}
	return apihttp.WritePage(w, r, p, items)
}

// matchesAnyName reports whether name passes one of the list's name filters.
func matchesAnyName(filters []string, name string) bool {
	for _, f := range filters {
		if apihttp.NameMatches(f, name, false) {
			return true
		}
	}
	return false
}

func (s *api) getPrompt(w http.ResponseWriter, r *http.Request) error {
	o, err := s.Lookup(r, KindPrompt, r.PathValue("id"))
	if err != nil {
		return err
	}
	return apihttp.OKRaw(w, o.Data)
}

// promptWrite is the body of a prompt's create and update.
type promptWrite struct {
	Name        *string `json:"name"`
	Description *string `json:"description"`
}

// checkPromptName is the API's rule for a prompt's name.
func checkPromptName(name *string) error {
	if name == nil || strings.TrimSpace(*name) == "" {
		return apihttp.Required("name")
	}
	if !promptNamePattern.MatchString(*name) {
		return apihttp.BadRequest("The field [name] must start with a letter and hold only letters, digits and underscores, not [%s].", *name)
	}
	return nil
}

// decodePromptWrite reads the body of a prompt's create or update, its name checked.
func decodePromptWrite(r *http.Request) (promptWrite, error) {
	var in promptWrite
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return in, err
	}
	return in, checkPromptName(in.Name)
}

// checkPromptNameFree refuses a name another prompt than selfID has (compared ignoring case).
func checkPromptNameFree(tx *store.Tx, name, selfID string) error {
	if other := entity.FindActiveByName(tx, KindPrompt, name); other != nil && other.ID != selfID {
		return apihttp.Conflict("A user prompt named [%s] exists already (id %s).", name, other.ID)
	}
	return nil
}

func (s *api) createPrompt(w http.ResponseWriter, r *http.Request) error {
	in, err := decodePromptWrite(r)
	if err != nil {
		return err
	}
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		if err := checkPromptNameFree(tx, *in.Name, ""); err != nil {
			return nil, err
		}
		id := uuid.NewString()
		pr := prompt{ID: id, Name: *in.Name, Description: host.Deref(in.Description), Resources: []promptAsset{}, SelfURI: promptSelfURI(id)}
		return s.putPrompt(tx, p, pr, nil, "Create")
	})
}

func (s *api) updatePrompt(w http.ResponseWriter, r *http.Request) error {
	in, err := decodePromptWrite(r)
	if err != nil {
		return err
	}
	return s.changePrompt(w, r, func(tx *store.Tx, pr *prompt) error {
		if err := checkPromptNameFree(tx, *in.Name, pr.ID); err != nil {
			return err
		}
		pr.Name, pr.Description = *in.Name, host.Deref(in.Description)
		return nil
	})
}

// changePrompt applies change to the prompt in the path in one transaction and answers the
// prompt.
func (s *api) changePrompt(w http.ResponseWriter, r *http.Request, change func(tx *store.Tx, pr *prompt) error) error {
	if _, err := s.Lookup(r, KindPrompt, r.PathValue("id")); err != nil {
		return err
	}
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		return s.applyPromptChange(tx, p, r.PathValue("id"), change)
	})
}

// applyPromptChange reads the prompt with id in tx, applies change to it and stores it,
// recording the update; it returns the prompt as stored.
func (s *api) applyPromptChange(tx *store.Tx, p apihttp.Principal, id string, change func(tx *store.Tx, pr *prompt) error) ([]byte, error) {
	o, pr, err := txPrompt(tx, id)
	if err != nil {
		return nil, err
	}
	if err := change(tx, &pr); err != nil {
		return nil, err
	}
	return s.putPrompt(tx, p, pr, o, "Update")
}

// txPrompt reads a prompt inside a transaction.
func txPrompt(tx *store.Tx, id string) (*store.Object, prompt, error) {
	o, pr, err := host.FindStored[prompt](tx.Get, KindPrompt, id)
	if err != nil {
		return nil, prompt{}, fmt.Errorf("decode stored prompt: %w", err)
	}
	if o == nil {
		return nil, prompt{}, apihttp.NotFound()
	}
	return o, pr, nil
}

// putPrompt stores a prompt and records the change.
func (s *api) putPrompt(tx *store.Tx, p apihttp.Principal, pr prompt, old *store.Object, action string) ([]byte, error) {
	ev := audit.Event{Service: "Architect", EntityType: "Prompt", Action: action, ID: pr.ID, Name: pr.Name, Old: host.DataOf(old)}
	return host.PutAudited(tx, p, KindPrompt, pr, ev)
}

func (s *api) deletePrompt(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.Lookup(r, KindPrompt, r.PathValue("id")); err != nil {
		return err
	}
	return s.CommitNoContent(w, r, func(tx *store.Tx, p apihttp.Principal) error {
		o, _, err := txPrompt(tx, r.PathValue("id"))
		if err != nil {
			return err
		}
		host.DeleteAudited(tx, p, o, "Architect", "Prompt")
		return nil
	})
}

// readPrompt reads the prompt in the path, as the caller may see it.
func (s *api) readPrompt(r *http.Request) (prompt, error) {
	o, err := s.Lookup(r, KindPrompt, r.PathValue("id"))
	if err != nil {
		return prompt{}, err
	}
	var pr prompt
	if err := host.DecodeObject(o, &pr); err != nil {
		return prompt{}, fmt.Errorf("decode stored prompt: %w", err)
	}
	return pr, nil
}

func (s *api) listPromptResources(w http.ResponseWriter, r *http.Request) error {
	pr, err := s.readPrompt(r)
	if err != nil {
		return err
	}
	p, err := apihttp.ParsePage(r, 100)
	if err != nil {
		return err
	}
	items := make([][]byte, 0, len(pr.Resources))
	for _, a := range pr.Resources {
		b, err := json.Marshal(a)
		if err != nil {
			return fmt.Errorf("encode prompt resource: %w", err)
		}
		items = append(items, b)
	}
	return apihttp.WritePage(w, r, p, items)
}

func (s *api) getPromptResource(w http.ResponseWriter, r *http.Request) error {
	pr, err := s.readPrompt(r)
	if err != nil {
		return err
	}
	i := resourceIndex(pr, r.PathValue("languageCode"))
	if i < 0 {
		return apihttp.NotFound()
	}
	return apihttp.OK(w, pr.Resources[i])
}

// promptAssetWrite is the body of a resource's create (PromptAssetCreate) and update
// (PromptAsset), as far as the org takes it.
type promptAssetWrite struct {
	Language  *string `json:"language"`
	TTSString *string `json:"ttsString"`
	Text      *string `json:"text"`
}

func (s *api) createPromptResource(w http.ResponseWriter, r *http.Request) error {
	var in promptAssetWrite
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	if in.Language == nil || strings.TrimSpace(*in.Language) == "" {
		return apihttp.Required("language")
	}
	return s.changePrompt(w, r, func(_ *store.Tx, pr *prompt) error {
		if resourceIndex(*pr, *in.Language) >= 0 {
			return apihttp.Conflict("The user prompt [%s] has a resource for the language [%s] already.", pr.Name, *in.Language)
		}
		pr.Resources = append(pr.Resources, newPromptAsset(*pr, *in.Language, in))
		return nil
	})
}

func (s *api) updatePromptResource(w http.ResponseWriter, r *http.Request) error {
	var in promptAssetWrite
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	lang := r.PathValue("languageCode")
	if in.Language != nil && !strings.EqualFold(*in.Language, lang) {
		return apihttp.BadRequest("The field [language] is [%s], but the resource changed is [%s].", *in.Language, lang)
	}
	return s.changePrompt(w, r, func(_ *store.Tx, pr *prompt) error {
		i := resourceIndex(*pr, lang)
		if i < 0 {
			return apihttp.NotFound()
		}
		pr.Resources[i] = newPromptAsset(*pr, pr.Resources[i].Language, in)
		return nil
	})
}

func (s *api) deletePromptResource(w http.ResponseWriter, r *http.Request) error {
	lang := r.PathValue("languageCode")
	if _, err := s.Lookup(r, KindPrompt, r.PathValue("id")); err != nil {
		return err
	}
	return s.CommitNoContent(w, r, func(tx *store.Tx, p apihttp.Principal) error {
		_, err := s.applyPromptChange(tx, p, r.PathValue("id"), func(_ *store.Tx, pr *prompt) error {
			i := resourceIndex(*pr, lang)
			if i < 0 {
				return apihttp.NotFound()
			}
			pr.Resources = append(pr.Resources[:i], pr.Resources[i+1:]...)
			return nil
		})
		return err
	})
}

// resourceIndex is the position of a prompt's resource for a language (compared ignoring
// case), or -1.
func resourceIndex(pr prompt, lang string) int {
	for i, a := range pr.Resources {
		if strings.EqualFold(a.Language, lang) {
			return i
		}
	}
	return -1
}

// newPromptAsset is a resource as the org stores it: text and TTS, no audio uploaded.
func newPromptAsset(pr prompt, lang string, in promptAssetWrite) promptAsset {
	return promptAsset{ID: lang, Name: pr.Name + "_" + lang, PromptID: pr.ID, Language: lang,
		TTSString: host.Deref(in.TTSString), Text: host.Deref(in.Text), UploadStatus: "created",
		SelfURI: promptSelfURI(pr.ID) + "/resources/" + url.PathEscape(lang)}
}
