# The greeting the support line's flow plays (Prompt.Support_greeting), in English and
# Spanish, spoken by text-to-speech; text is what Architect shows for the recording.
resource "genesyscloud_architect_user_prompt" "support_greeting" {
  name        = "Support_greeting"
  description = "First words callers to support hear"

  resources {
    language   = "en-us"
    text       = "Thank you for calling support."
    tts_string = "Thank you for calling support. Your call may be recorded."
  }
  resources {
    language   = "es-us"
    text       = "Gracias por llamar a soporte."
    tts_string = "Gracias por llamar a soporte. Su llamada puede ser grabada."
  }
}
