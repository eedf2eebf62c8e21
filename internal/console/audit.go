package console

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/cxascode/cxascode/internal/kinds"
)

// auditFilter is what the audit view narrows the log by.
type auditFilter struct {
	kind     string // catalogue name: the kind's audit service and entity type
	objectID string
	clientID string
}

// auditRow is one audit record as the view shows it: who, when, what.
type auditRow struct {
	When, Action, Service, EntityType, EntityID, EntityName, ClientID, ClientName, Changes string
}

// auditMessage is the part of an AuditLogMessage the view reads.
type auditMessage struct {
	EventDate   string `json:"eventDate"`
	ServiceName string `json:"serviceName"`
	Action      string `json:"action"`
	EntityType  string `json:"entityType"`
	Entity      struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"entity"`
	Client struct {
		ID string `json:"id"`
	} `json:"client"`
	Context         map[string]string `json:"context"`
	PropertyChanges []struct {
		Property string `json:"property"`
	} `json:"propertyChanges"`
}

// maxChangesShown is how many changed properties an audit row names.
const maxChangesShown = 6

// auditPageSize is the number of records a page of the audit view shows.
const auditPageSize = 50

// history queries the org's audit log (POST /api/v2/audits/query/realtime), newest first.
func (c *Console) history(r *http.Request, s *session, f auditFilter, page int) ([]auditRow, error) {
	body := map[string]any{"interval": auditInterval(), "pageSize": auditPageSize, "pageNumber": page,
		"sort": []map[string]string{{"name": "Timestamp", "sortOrder": "descending"}}}
	var filters []map[string]string
	if k := kinds.Genesys().Named(f.kind); k != nil && k.Audit.Entity != "" {
		body["serviceName"] = k.Audit.Service
		filters = append(filters, map[string]string{"property": "EntityType", "value": k.Audit.Entity})
	}
	if f.objectID != "" {
		filters = append(filters, map[string]string{"property": "EntityId", "value": f.objectID})
	}
	if f.clientID != "" {
		filters = append(filters, map[string]string{"property": "ClientId", "value": f.clientID})
	}
	if len(filters) > 0 {
		body["filters"] = filters
	}
	ans, err := c.api.asClient(r, s.Token, http.MethodPost, "/api/v2/audits/query/realtime", body)
	if err != nil {
		return nil, err
	}
	if err := errorOf(ans); err != nil {
		return nil, err
	}
	var out struct {
		Entities []auditMessage `json:"entities"`
	}
	if err := ans.decode(&out); err != nil {
		return nil, err
	}
	rows := make([]auditRow, 0, len(out.Entities))
	for _, m := range out.Entities {
		var changed []string
		for _, pc := range m.PropertyChanges {
			changed = append(changed, pc.Property)
		}
		// A create lists every property; a row names the first few and counts the rest.
		if n := len(changed); n > maxChangesShown {
			changed = append(changed[:maxChangesShown], fmt.Sprintf("… %d more", n-maxChangesShown))
		}
		rows = append(rows, auditRow{When: m.EventDate, Action: m.Action, Service: m.ServiceName, EntityType: m.EntityType,
			EntityID: m.Entity.ID, EntityName: m.Entity.Name, ClientID: m.Client.ID, ClientName: m.Context["clientName"],
			Changes: strings.Join(changed, ", ")})
	}
	return rows, nil
}

type auditData struct {
	Kind, Object, Client string
	Page                 int
	Rows                 []auditRow
	Kinds                []kindRow
	// More: the page is full, so a next one may hold more.
	More bool
}

func (c *Console) auditPage(w http.ResponseWriter, r *http.Request, s *session) {
	q := r.URL.Query()
	d := auditData{Kind: q.Get("kind"), Object: strings.TrimSpace(q.Get("object")), Client: strings.TrimSpace(q.Get("client")), Page: 1}
	if n, err := strconv.Atoi(q.Get("page")); err == nil && n > 0 {
		d.Page = n
	}
	for _, k := range servedKinds() {
		if k.Audit.Entity != "" {
			d.Kinds = append(d.Kinds, kindRow{Name: k.Name, Noun: k.Noun})
		}
	}
	rows, err := c.history(r, s, auditFilter{kind: d.Kind, objectID: d.Object, clientID: d.Client}, d.Page)
	if err != nil {
		c.fail(w, r, s, err)
		return
	}
	d.Rows, d.More = rows, len(rows) == auditPageSize
	c.render(w, r, http.StatusOK, "audit", s, d)
}
