queue_name = "Billing"
