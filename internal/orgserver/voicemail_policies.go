package orgserver

import (
	"net/http"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// Voicemail policies: every user and every group has one from the moment it exists (a new
// org's defaults), so GET never answers 404 for a live user or group; PATCH changes the
// fields present. The official provider reads and writes them with every user
// (voicemail_userpolicies) and group (voicemail_policy). A policy is stored only once it
// has been changed (Parent = ID = the owner's id); until then the defaults are the answer.
func (s *Server) voicemailUserPolicyRoutes() {
	s.route("GET /api/v2/voicemail/userpolicies/{id}", "voicemail:policy:view", s.getVoicemailUserPolicy)
	s.route("PATCH /api/v2/voicemail/userpolicies/{id}", "voicemail:policy:edit", s.changeVoicemailUserPolicy(true))
	s.route("PUT /api/v2/voicemail/userpolicies/{id}", "voicemail:policy:edit", s.changeVoicemailUserPolicy(false))
}

func (s *Server) voicemailGroupPolicyRoutes() {
	s.route("GET /api/v2/voicemail/groups/{id}/policy", "voicemail:policy:view", s.getVoicemailGroupPolicy)
	s.route("PATCH /api/v2/voicemail/groups/{id}/policy", "voicemail:policy:edit", s.patchVoicemailGroupPolicy)
}

const (
	kindVoicemailUserPolicy  store.Kind = "voicemail.userpolicy"  // Parent = ID = user id
	kindVoicemailGroupPolicy store.Kind = "voicemail.grouppolicy" // Parent = ID = group id
)

// voicemailUserPolicy is the API model VoicemailUserPolicy. A PIN is accepted but neither
// kept nor answered: it is a secret, the local org plays no voicemail, and keeping it would
// put it in the store and the audit log.
type voicemailUserPolicy struct {
	Enabled                *bool   `json:"enabled,omitempty"`
	AlertTimeoutSeconds    *int    `json:"alertTimeoutSeconds,omitempty"`
	Pin                    *string `json:"pin,omitempty"`
	ModifiedDate           *string `json:"modifiedDate,omitempty"`
	SendEmailNotifications *bool   `json:"sendEmailNotifications,omitempty"`
}

// defaultVoicemailUserPolicy is a new user's policy on a new org: voicemail on, the call
// goes to voicemail after 30 seconds, email notifications on.
func defaultVoicemailUserPolicy() voicemailUserPolicy {
	return voicemailUserPolicy{Enabled: ptr(true), AlertTimeoutSeconds: ptr(30), SendEmailNotifications: ptr(true)}
}

// objectGetter reads one stored object: tx.Get inside a write, the store outside one.
type objectGetter func(kind store.Kind, id string) *store.Object

// readerOf is the objectGetter of the caller's org outside a transaction.
func (s *Server) readerOf(r *http.Request) objectGetter {
	org := apihttp.PrincipalOf(r.Context()).OrgID
	return func(kind store.Kind, id string) *store.Object { return s.store.Get(org, kind, id) }
}

// liveOwner finds a user or group that exists and is not deleted, else 404.
func liveOwner(get objectGetter, kind store.Kind, id string) (*store.Object, error) {
	o := get(kind, id)
	if o == nil || entity.IsDeleted(o.Data) {
		return nil, apihttp.NotFound()
	}
	return o, nil
}

// storedPolicy decodes the stored policy of owner into v, leaving v as is when none is stored.
func storedPolicy(get objectGetter, kind store.Kind, owner string, v any) error {
	if o := get(kind, owner); o != nil {
		return decodeObject(o, v)
	}
	return nil
}

func (s *Server) getVoicemailUserPolicy(w http.ResponseWriter, r *http.Request) error {
	get := s.readerOf(r)
	if _, err := liveOwner(get, kindUser, r.PathValue("id")); err != nil {
		return err
	}
	out := defaultVoicemailUserPolicy()
	if err := storedPolicy(get, kindVoicemailUserPolicy, r.PathValue("id"), &out); err != nil {
		return err
	}
	apihttp.WriteJSON(w, http.StatusOK, out)
	return nil
}

// changeVoicemailUserPolicy is PATCH (fields present change) and PUT (the body replaces
// the policy; absent fields take the defaults).
func (s *Server) changeVoicemailUserPolicy(partial bool) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		var in voicemailUserPolicy
		if err := apihttp.DecodeBody(r, &in); err != nil {
			return err
		}
		if in.AlertTimeoutSeconds != nil && *in.AlertTimeoutSeconds < 0 {
			return apihttp.BadRequest("The field [alertTimeoutSeconds] must not be negative, not [%d].", *in.AlertTimeoutSeconds)
		}
		id := r.PathValue("id")
		return s.commitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
			u, err := liveOwner(tx.Get, kindUser, id)
			if err != nil {
				return nil, err
			}
			old := tx.Get(kindVoicemailUserPolicy, id)
			pol := defaultVoicemailUserPolicy()
			if partial {
				if err := storedPolicy(tx.Get, kindVoicemailUserPolicy, id, &pol); err != nil {
					return nil, err
				}
			}
			setPtr(&pol.Enabled, in.Enabled)
			setPtr(&pol.AlertTimeoutSeconds, in.AlertTimeoutSeconds)
			setPtr(&pol.SendEmailNotifications, in.SendEmailNotifications)
			pol.ModifiedDate = ptr(apihttp.FormatTime(tx.Now()))
			stored, err := entity.Put(tx, kindVoicemailUserPolicy, id, id, u.Name, pol)
			if err != nil {
				return nil, err
			}
			recordPolicyChange(tx, p, "VoicemailUserPolicy", u, old, stored)
			return stored, nil
		})
	}
}

// recordPolicyChange audits a policy change of owner; old is nil while the defaults applied.
func recordPolicyChange(tx *store.Tx, p apihttp.Principal, entityType string, owner, old *store.Object, stored []byte) {
	ev := audit.Event{Service: "Voicemail", EntityType: entityType, Action: "Update", ID: owner.ID, Name: owner.Name, New: stored}
	if old != nil {
		ev.Old = old.Data
	}
	audit.Record(tx, p, ev)
}

// defaultVoicemailGroupPolicy is a new group's policy: group voicemail off, as on a new org.
func defaultVoicemailGroupPolicy(group *store.Object) platformVoicemailGroupPolicy {
	return platformVoicemailGroupPolicy{
		Name: ptr(group.Name), Group: &platform.Group{ID: ptr(group.ID), Name: ptr(group.Name), SelfURI: ptr("/api/v2/groups/" + group.ID)},
		Enabled: ptr(false), SendEmailNotifications: ptr(false), DisableEmailPii: ptr(false), IncludeEmailTranscriptions: ptr(false),
		RotateCallsSecs: ptr(5), StopRingingAfterRotations: ptr(3), GroupAlertType: ptr("RANDOM"),
		InteractiveResponseRequired: ptr(false), IncludeGroupNumberInUserCallerIDLists: ptr(false),
	}
}

// platformVoicemailGroupPolicy is the API model VoicemailGroupPolicy.
type platformVoicemailGroupPolicy struct {
	Name                       *string         `json:"name,omitempty"`
	Group                      *platform.Group `json:"group,omitempty"`
	Enabled                    *bool           `json:"enabled,omitempty"`
	SendEmailNotifications     *bool           `json:"sendEmailNotifications,omitempty"`
	DisableEmailPii            *bool           `json:"disableEmailPii,omitempty"`
	IncludeEmailTranscriptions *bool           `json:"includeEmailTranscriptions,omitempty"`
	LanguagePreference         *string         `json:"languagePreference,omitempty"`
	EmailPolicy                *struct {
		EmailMembers *bool `json:"emailMembers,omitempty"`
		EmailGroup   *bool `json:"emailGroup,omitempty"`
	} `json:"emailPolicy,omitempty"`
	RotateCallsSecs                       *int    `json:"rotateCallsSecs,omitempty"`
	StopRingingAfterRotations             *int    `json:"stopRingingAfterRotations,omitempty"`
	OverflowGroupID                       *string `json:"overflowGroupId,omitempty"`
	GroupAlertType                        *string `json:"groupAlertType,omitempty"`
	InteractiveResponsePromptID           *string `json:"interactiveResponsePromptId,omitempty"`
	InteractiveResponseRequired           *bool   `json:"interactiveResponseRequired,omitempty"`
	IncludeGroupNumberInUserCallerIDLists *bool   `json:"includeGroupNumberInUserCallerIdLists,omitempty"`
}

// groupPolicy reads a group's policy, stored or default.
func groupPolicy(get objectGetter, group *store.Object) (platformVoicemailGroupPolicy, error) {
	pol := defaultVoicemailGroupPolicy(group)
	if err := storedPolicy(get, kindVoicemailGroupPolicy, group.ID, &pol); err != nil {
		return pol, err
	}
	// The group may have been renamed since the policy was stored.
	pol.Name, pol.Group.Name = ptr(group.Name), ptr(group.Name)
	return pol, nil
}

func (s *Server) getVoicemailGroupPolicy(w http.ResponseWriter, r *http.Request) error {
	get := s.readerOf(r)
	g, err := liveOwner(get, kindGroup, r.PathValue("id"))
	if err != nil {
		return err
	}
	out, err := groupPolicy(get, g)
	if err != nil {
		return err
	}
	apihttp.WriteJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) patchVoicemailGroupPolicy(w http.ResponseWriter, r *http.Request) error {
	var in platformVoicemailGroupPolicy
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	if err := checkEnum("groupAlertType", in.GroupAlertType, "RANDOM", "ROUND_ROBIN", "SEQUENTIAL"); err != nil {
		return err
	}
	for field, v := range map[string]*int{"rotateCallsSecs": in.RotateCallsSecs, "stopRingingAfterRotations": in.StopRingingAfterRotations} {
		if v != nil && *v < 0 {
			return apihttp.BadRequest("The field [%s] must not be negative, not [%d].", field, *v)
		}
	}
	id := r.PathValue("id")
	return s.commitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		g, err := liveOwner(tx.Get, kindGroup, id)
		if err != nil {
			return nil, err
		}
		if in.OverflowGroupID != nil && *in.OverflowGroupID != "" {
			if _, err := liveOwner(tx.Get, kindGroup, *in.OverflowGroupID); err != nil {
				return nil, apihttp.UnknownRef("overflowGroupId", *in.OverflowGroupID)
			}
		}
		old := tx.Get(kindVoicemailGroupPolicy, id)
		pol, err := groupPolicy(tx.Get, g)
		if err != nil {
			return nil, err
		}
		setPtr(&pol.Enabled, in.Enabled)
		setPtr(&pol.SendEmailNotifications, in.SendEmailNotifications)
		setPtr(&pol.DisableEmailPii, in.DisableEmailPii)
		setPtr(&pol.IncludeEmailTranscriptions, in.IncludeEmailTranscriptions)
		setPtr(&pol.LanguagePreference, in.LanguagePreference)
		setPtr(&pol.EmailPolicy, in.EmailPolicy)
		setPtr(&pol.RotateCallsSecs, in.RotateCallsSecs)
		setPtr(&pol.StopRingingAfterRotations, in.StopRingingAfterRotations)
		setPtr(&pol.OverflowGroupID, in.OverflowGroupID)
		setPtr(&pol.GroupAlertType, in.GroupAlertType)
		setPtr(&pol.InteractiveResponsePromptID, in.InteractiveResponsePromptID)
		setPtr(&pol.InteractiveResponseRequired, in.InteractiveResponseRequired)
		setPtr(&pol.IncludeGroupNumberInUserCallerIDLists, in.IncludeGroupNumberInUserCallerIDLists)
		stored, err := entity.Put(tx, kindVoicemailGroupPolicy, id, id, g.Name, pol)
		if err != nil {
			return nil, err
		}
		recordPolicyChange(tx, p, "VoicemailGroupPolicy", g, old, stored)
		return stored, nil
	})
}
