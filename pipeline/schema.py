"""The columns of the spec's tables (section 2 and 3), in their fixed order."""

EVENT_COLUMNS = (
    "doc_id", "event_id", "event_type", "actor", "actor_code", "actor_detail", "target", "target_code",
    "weapon", "weapon_class", "place", "place_country", "lat", "lon", "date", "date_text",
    "date_qualifier", "modality", "quantity", "sentence", "start", "end", "confidence", "cameo",
    "cluster_id",
)
MENTION_COLUMNS = ("doc_id", "start", "end", "text", "label", "canonical", "code")
GOLD_COLUMNS = (
    "doc_id", "event_type", "actor", "actor_code", "actor_detail", "target", "target_code", "weapon",
    "weapon_class", "place", "place_country", "date", "date_qualifier", "modality", "quantity", "sentence",
)
