package provider

// mondayMorning is the callable time set's first callable time, which the update keeps.
const mondayMorning = `  callable_times {
    time_zone_id = "America/Indiana/Indianapolis"
    time_slots {
      day        = 1
      start_time = "09:00:00"
      stop_time  = "12:00:00"
    }
  }
`

// outboundAccCases are the acceptance rows of the outbound area's regular kinds
// (kinds/catalogue_outbound.go); see kindAccCase.
var outboundAccCases = map[string]kindAccCase{
	"genesyscloud_outbound_callabletimeset": {
		// Weekday mornings, then a second callable time in another zone with two slots.
		create: `resource "genesyscloud_outbound_callabletimeset" "it" {
  name = "Weekday mornings"
` + mondayMorning + `}`,
		update: `resource "genesyscloud_outbound_callabletimeset" "it" {
  name = "Weekday mornings and evenings"
` + mondayMorning + `  callable_times {
    name         = "Evenings"
    time_zone_id = "Europe/Dublin"
    time_slots {
      day        = 2
      start_time = "18:00:00"
      stop_time  = "20:00:00"
    }
    time_slots {
      day        = 7
      start_time = "10:00:00"
      stop_time  = "12:30:00"
    }
  }
}`,
		createChecks: map[string]string{"name": "Weekday mornings", "callable_times.#": "1", "callable_times.0.time_slots.#": "1",
			"callable_times.0.time_slots.0.day": "1"},
		updateChecks: map[string]string{"name": "Weekday mornings and evenings", "callable_times.#": "2"},
		driftPath:    "name", driftValue: "Renamed in the UI",
	},
	"genesyscloud_outbound_attempt_limit": {
		// Created with one recall entry; the update resets daily and retries two outcomes.
		create: `resource "genesyscloud_outbound_attempt_limit" "it" {
  name                     = "Three tries"
  max_attempts_per_contact = 3
  recall_entries {
    busy {
      minutes_between_attempts = 10
      nbr_attempts             = 2
    }
  }
}`,
		update: `resource "genesyscloud_outbound_attempt_limit" "it" {
  name                     = "Three tries a day"
  max_attempts_per_contact = 3
  max_attempts_per_number  = 2
  reset_period             = "TODAY"
  time_zone_id             = "America/Indiana/Indianapolis"
  recall_entries {
    busy {
      minutes_between_attempts = 15
      nbr_attempts             = 1
    }
    no_answer {
      minutes_between_attempts = 30
    }
  }
}`,
		createChecks: map[string]string{"name": "Three tries", "reset_period": "NEVER", "recall_entries.#": "1",
			"recall_entries.0.busy.#": "1", "recall_entries.0.busy.0.minutes_between_attempts": "10", "recall_entries.0.no_answer.#": "0"},
		updateChecks: map[string]string{"name": "Three tries a day", "reset_period": "TODAY", "max_attempts_per_number": "2",
			"recall_entries.0.busy.0.minutes_between_attempts": "15", "recall_entries.0.no_answer.#": "1"},
		driftPath: "recallEntries.busy.minutesBetweenAttempts", driftValue: 45,
	},
	"genesyscloud_outbound_callanalysisresponseset": {
		// Hang up on machines at first; the update transfers live people and turns on beep
		// detection.
		create: `resource "genesyscloud_outbound_callanalysisresponseset" "it" {
  name = "Hang up on machines"
  responses {
    callable_machine {
      reaction_type = "hangup"
    }
  }
}`,
		update: `resource "genesyscloud_outbound_callanalysisresponseset" "it" {
  name                        = "Transfer people"
  beep_detection_enabled      = true
  live_speaker_detection_mode = "High"
  responses {
    callable_machine {
      reaction_type = "hangup"
    }
    callable_person {
      reaction_type = "transfer"
    }
  }
}`,
		createChecks: map[string]string{"name": "Hang up on machines", "beep_detection_enabled": "false", "amd_speech_distinguish_enabled": "true",
			"responses.#": "1", "responses.0.callable_machine.0.reaction_type": "hangup", "responses.0.callable_person.#": "0"},
		updateChecks: map[string]string{"name": "Transfer people", "beep_detection_enabled": "true", "live_speaker_detection_mode": "High",
			"responses.0.callable_person.0.reaction_type": "transfer"},
		driftPath: "beepDetectionEnabled", driftValue: false,
	},
}
