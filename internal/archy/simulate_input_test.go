package archy

import (
	"slices"
	"testing"
)

// inputFlow collects an account number, then loops over a notice, then offers a menu that
// takes keys and speech.
const inputFlow = `inboundCall:
  name: Input
  startUpRef: "/inboundCall/tasks/task[Main_1]"
  tasks:
    - task:
        name: Main
        refId: Main_1
        actions:
          - collectInput:
              name: Account
              inputAudio:
                tts: Enter your account number.
              outputs:
                success:
                  actions:
                    - playAudio:
                        name: Thanks
                        audio:
                          tts: Thank you.
                failure:
                  actions:
                    - disconnect:
                        name: No account
          - loop:
              name: Notices
              loopCount:
                lit: 5
              outputs:
                loop:
                  actions:
                    - playAudio:
                        name: Notice
                        audio:
                          tts: A notice.
                    - decision:
                        name: Enough
                        condition:
                          exp: Task.Index >= 1
                        outputs:
                          yes:
                            actions:
                              - loopExit:
                                  name: Stop
          - jumpToMenu:
              name: To menu
              targetMenuRef: "/inboundCall/menus/menu[Menu_2]"
  menus:
    - menu:
        name: Main Menu
        refId: Menu_2
        audio:
          tts: Press or say 1 for billing.
        choices:
          - menuTransferToAcd:
              name: Billing
              dtmf: digit_1
              speechRecTerms:
                en-us:
                  terms:
                    - billing
                    - invoices
              targetQueue:
                lit:
                  name: Billing
`

// TestSimulateCollectInputLoopAndSpeech: collectInput takes the next entry (none: the failure
// output); a loop runs its literal count until a loopExit; a spoken entry ("say:…") picks the
// choice whose speech terms hold it, ignoring case.
func TestSimulateCollectInputLoopAndSpeech(t *testing.T) {
	t.Parallel()
	f, err := Parse("input.yaml", []byte(inputFlow))
	if err != nil {
		t.Fatal(err)
	}
	org := &memOrg{queues: []string{"Billing"}}
	count := func(list []string, s string) int {
		n := 0
		for _, e := range list {
			if e == s {
				n++
			}
		}
		return n
	}
	for _, tc := range []struct {
		name    string
		entries []string
		decide  map[string]string
		queue   string
		notices int
	}{
		{"digits then key 1", []string{"12345", "1"}, map[string]string{"Enough": "no"}, "Billing", 5},
		{"a decision it cannot evaluate takes yes: loopExit on the first pass", []string{"12345", "say:Invoices"}, nil, "Billing", 1},
		{"no account number", nil, nil, "", 0},
	} {
		res, err := SimulateFlow(t.Context(), org, f, Call{DTMF: tc.entries, Decisions: tc.decide})
		if err != nil {
			t.Fatal(err)
		}
		if res.Queue != tc.queue || count(res.PromptsSpoken, "A notice.") != tc.notices {
			t.Errorf("%s: queue %q, prompts %q", tc.name, res.Queue, res.PromptsSpoken)
		}
		if tc.queue == "" && (res.Final.Kind != StepDisconnect || slices.Contains(res.PromptsSpoken, "Thank you.")) {
			t.Errorf("%s: final %+v", tc.name, res.Final)
		}
	}
}
