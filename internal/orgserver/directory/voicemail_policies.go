package directory

import (
	"net/http"

	"github.com/cxascode/cxascode/internal/orgserver/apihttp"
	"github.com/cxascode/cxascode/internal/orgserver/audit"
	"github.com/cxascode/cxascode/internal/orgserver/entity"
	"github.com/cxascode/cxascode/internal/orgserver/host"
	"github.com/cxascode/cxascode/internal/orgserver/store"
	"github.com/cxascode/cxascode/internal/platform"
)

// Voicemail policies: every user and every group has one from the moment it exists (a new
// org's defaults), so GET never answers 404 for a live user or group; PATCH changes the
// fields present. The official provider reads and writes them with every user
// (voicemail_userpolicies) and group (voicemail_policy). A policy is stored only once it
// has been changed (Parent = ID = the owner's id); until then the defaults are the answer.
func (s *api) voicemailUserPolicyRoutes() {
	s.Route("GET /api/v2/voicemail/userpolicies/{id}", "voicemail:policy:view", s.getVoicemailUserPolicy)
	s.Route("PATCH /api/v2/voicemail/userpolicies/{id}", "voicemail:policy:edit", s.changeVoicemailUserPolicy(true))
	s.Route("PUT /api/v2/voicemail/userpolicies/{id}", "voicemail:policy:edit", s.changeVoicemailUserPolicy(false))
}

func (s *api) voicemailGroupPolicyRoutes() {
	s.Route("GET /api/v2/voicemail/groups/{id}/policy", "voicemail:policy:view", s.getVoicemailGroupPolicy)
	s.Route("PATCH /api/v2/voicemail/groups/{id}/policy", "voicemail:policy:edit", s.patchVoicemailGroupPolicy)
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
	return voicemailUserPolicy{Enabled: host.Ptr(true), AlertTimeoutSeconds: host.Ptr(30), SendEmailNotifications: host.Ptr(true)}
}

func (s *api) getVoicemailUserPolicy(w http.ResponseWriter, r *http.Request) error {
	get := s.ReaderOf(r)
	out := defaultVoicemailUserPolicy()
	if err := host.OwnerSetting(get, host.KindUser, r, kindVoicemailUserPolicy, &out); err != nil {
		return err
	}
	return apihttp.OK(w, out)
}

// changeVoicemailUserPolicy is PATCH (fields present change) and PUT (the body replaces
// the policy; absent fields take the defaults).
func (s *api) changeVoicemailUserPolicy(partial bool) host.Handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		var in voicemailUserPolicy
		if err := apihttp.DecodeBody(r, &in); err != nil {
			return err
		}
		if in.AlertTimeoutSeconds != nil && *in.AlertTimeoutSeconds < 0 {
			return apihttp.BadRequest("The field [alertTimeoutSeconds] must not be negative, not [%d].", *in.AlertTimeoutSeconds)
		}
		id := r.PathValue("id")
		return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
			u, err := host.LiveOwner(tx.Get, host.KindUser, id)
			if err != nil {
				return nil, err
			}
			old := tx.Get(kindVoicemailUserPolicy, id)
			pol := defaultVoicemailUserPolicy()
			if partial {
				if err := host.StoredPolicy(tx.Get, kindVoicemailUserPolicy, id, &pol); err != nil {
					return nil, err
				}
			}
			host.SetPtr(&pol.Enabled, in.Enabled)
			host.SetPtr(&pol.AlertTimeoutSeconds, in.AlertTimeoutSeconds)
			host.SetPtr(&pol.SendEmailNotifications, in.SendEmailNotifications)
			pol.ModifiedDate = host.Ptr(apihttp.FormatTime(tx.Now()))
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
	ev := audit.Event{Service: "Voicemail", EntityType: entityType, Action: "Update", ID: owner.ID, Name: owner.Name, Old: host.DataOf(old), New: stored}
	audit.Record(tx, p, ev)
}

// defaultVoicemailGroupPolicy is a new group's policy: group voicemail off, as on a new org.
func defaultVoicemailGroupPolicy(group *store.Object) platformVoicemailGroupPolicy {
	return platformVoicemailGroupPolicy{
		Name: host.Ptr(group.Name), Group: &platform.Group{ID: host.Ptr(group.ID), Name: host.Ptr(group.Name), SelfURI: host.Ptr("/api/v2/groups/" + group.ID)},
		Enabled: host.Ptr(false), SendEmailNotifications: host.Ptr(false), DisableEmailPii: host.Ptr(false), IncludeEmailTranscriptions: host.Ptr(false),
		RotateCallsSecs: host.Ptr(5), StopRingingAfterRotations: host.Ptr(3), GroupAlertType: host.Ptr("RANDOM"),
		InteractiveResponseRequired: host.Ptr(false), IncludeGroupNumberInUserCallerIDLists: host.Ptr(false),
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
func groupPolicy(get host.ObjectGetter, group *store.Object) (platformVoicemailGroupPolicy, error) {
	pol := defaultVoicemailGroupPolicy(group)
	if err := host.StoredPolicy(get, kindVoicemailGroupPolicy, group.ID, &pol); err != nil {
		return pol, err
	}
	// The group may have been renamed since the policy was stored.
	pol.Name, pol.Group.Name = host.Ptr(group.Name), host.Ptr(group.Name)
	return pol, nil
}

func (s *api) getVoicemailGroupPolicy(w http.ResponseWriter, r *http.Request) error {
	get := s.ReaderOf(r)
	g, err := host.LiveOwner(get, host.KindGroup, r.PathValue("id"))
	if err != nil {
		return err
	}
	out, err := groupPolicy(get, g)
	if err != nil {
		return err
	}
	return apihttp.OK(w, out)
}

func (s *api) patchVoicemailGroupPolicy(w http.ResponseWriter, r *http.Request) error {
	var in platformVoicemailGroupPolicy
	if err := apihttp.DecodeBody(r, &in); err != nil {
		return err
	}
	if err := host.CheckEnum("groupAlertType", in.GroupAlertType, "RANDOM", "ROUND_ROBIN", "SEQUENTIAL"); err != nil {
		return err
	}
	for field, v := range map[string]*int{"rotateCallsSecs": in.RotateCallsSecs, "stopRingingAfterRotations": in.StopRingingAfterRotations} {
		if v != nil && *v < 0 {
			return apihttp.BadRequest("The field [%s] must not be negative, not [%d].", field, *v)
		}
	}
	id := r.PathValue("id")
	return s.CommitJSON(w, r, func(tx *store.Tx, p apihttp.Principal) ([]byte, error) {
		g, err := host.LiveOwner(tx.Get, host.KindGroup, id)
		if err != nil {
			return nil, err
		}
		if in.OverflowGroupID != nil && *in.OverflowGroupID != "" {
			if _, err := host.LiveOwner(tx.Get, host.KindGroup, *in.OverflowGroupID); err != nil {
				return nil, apihttp.UnknownRef("overflowGroupId", *in.OverflowGroupID)
			}
		}
		old := tx.Get(kindVoicemailGroupPolicy, id)
		pol, err := groupPolicy(tx.Get, g)
		if err != nil {
			return nil, err
		}
		host.SetPtr(&pol.Enabled, in.Enabled)
		host.SetPtr(&pol.SendEmailNotifications, in.SendEmailNotifications)
		host.SetPtr(&pol.DisableEmailPii, in.DisableEmailPii)
		host.SetPtr(&pol.IncludeEmailTranscriptions, in.IncludeEmailTranscriptions)
		host.SetPtr(&pol.LanguagePreference, in.LanguagePreference)
		host.SetPtr(&pol.EmailPolicy, in.EmailPolicy)
		host.SetPtr(&pol.RotateCallsSecs, in.RotateCallsSecs)
		host.SetPtr(&pol.StopRingingAfterRotations, in.StopRingingAfterRotations)
		host.SetPtr(&pol.OverflowGroupID, in.OverflowGroupID)
		host.SetPtr(&pol.GroupAlertType, in.GroupAlertType)
		host.SetPtr(&pol.InteractiveResponsePromptID, in.InteractiveResponsePromptID)
		host.SetPtr(&pol.InteractiveResponseRequired, in.InteractiveResponseRequired)
		host.SetPtr(&pol.IncludeGroupNumberInUserCallerIDLists, in.IncludeGroupNumberInUserCallerIDLists)
		stored, err := entity.Put(tx, kindVoicemailGroupPolicy, id, id, g.Name, pol)
		if err != nil {
			return nil, err
		}
		recordPolicyChange(tx, p, "VoicemailGroupPolicy", g, old, stored)
		return stored, nil
	})
}
