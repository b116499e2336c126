//! The JSON Schema of format 1 (`sheet schema`), for editors: completion of keys,
//! hover text in Japanese, and the enums of `status` and `better`.
//!
//! The types below have the shape of the file; they exist only to derive the schema
//! (the loader in [`crate::core::load`] walks TOML's own tree to keep spans). Their keys are
//! tested against [`Table::keys`], the loader's list of accepted keys, so the two
//! cannot drift apart; the status words come from [`Status`] itself.
//!
//! Fields carry no doc comments: descriptions are added afterwards from
//! [`crate::i18n::authoring`], in the language asked for.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde_json::{Map, Value};

use crate::core::keys::Table;
use crate::core::model::Status;
use crate::i18n::authoring;
use crate::i18n::Lang;

/// A whole sheet file.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SheetFile {
    pub format: Option<FormatVersion>,
    pub sheet: SheetTable,
    pub goals: Option<Vec<GoalTable>>,
    pub challenges: Option<Vec<ChallengeTable>>,
    pub indicators: Option<Vec<IndicatorTable>>,
    pub hospital_collaboration: Option<Vec<HospitalTable>>,
}

/// `[sheet]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SheetTable {
    pub prefecture: RequiredText,
    pub region: RequiredText,
    pub fiscal_year: FiscalYearValue,
    pub meeting: Option<String>,
    pub as_of: Option<DateText>,
    pub theme: Option<String>,
    pub summary: Option<String>,
    pub strengths: Option<Vec<String>>,
    pub concerns: Option<Vec<String>>,
    pub questions: Option<Vec<String>>,
}

/// `[[goals]]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct GoalTable {
    pub text: RequiredText,
    pub indicator: Option<String>,
    pub id: Option<String>,
    pub progress: Option<Vec<ProgressTable>>,
}

/// `[[goals.progress]]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ProgressTable {
    pub text: RequiredText,
    pub date: Option<DateText>,
    pub status: Option<StatusWord>,
    pub rescheduled_from: Option<DateText>,
    pub note: Option<String>,
}

/// `[[hospital_collaboration]]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct HospitalTable {
    pub text: RequiredText,
    pub date: Option<DateText>,
    pub status: Option<StatusWord>,
    pub rescheduled_from: Option<DateText>,
    pub note: Option<String>,
    pub organizer: Option<String>,
}

/// `[[challenges]]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ChallengeTable {
    pub text: RequiredText,
    pub actions: Option<Vec<String>>,
    pub id: Option<String>,
    pub views: Option<ViewsTable>,
}

/// `[challenges.views]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ViewsTable {
    pub administration: Option<ViewText>,
    pub medical: Option<ViewText>,
    pub providers: Option<ViewText>,
    pub community: Option<ViewText>,
}

/// `[[indicators]]`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct IndicatorTable {
    pub name: RequiredText,
    pub reason: Option<String>,
    pub unit: Option<String>,
    pub better: Option<BetterWord>,
    pub baseline: Option<IndicatorValue>,
    pub current: Option<IndicatorValue>,
    pub target: Option<IndicatorValue>,
}

/// Declares a value type whose schema is written by hand.
macro_rules! value_schema {
    ($name:ident, $generator:ident => $body:expr) => {
        pub struct $name;
        impl JsonSchema for $name {
            fn inline_schema() -> bool {
                true
            }
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema($generator: &mut SchemaGenerator) -> Schema {
                $body
            }
        }
    };
}

// `format = 1`.
value_schema!(FormatVersion, _g => json_schema!({"type": "integer", "enum": [1]}));

// A required string that is not blank (the loader's `empty` check: whitespace,
// including the ideographic space, does not count).
value_schema!(RequiredText, _g => json_schema!({"type": "string", "pattern": "\\S"}));

// A TOML date (which editors see as a string) or one of the written forms of SPEC 1.3.
value_schema!(DateText, _g => json_schema!({
    "type": "string",
    "examples": ["2018-11-02", "11月2日", "11/2", "11月", "10月中旬", "年度末", "H30.11.2"]
}));

// `fiscal_year`: an integer or a string (SPEC 1.2).
value_schema!(FiscalYearValue, _g => json_schema!({
    "type": ["integer", "string"],
    "examples": ["平成30年度", "令和6年度", 2018, "H30", "R6"]
}));

// An indicator value: a number, or text (qualitative or 未定).
value_schema!(IndicatorValue, _g => json_schema!({"type": ["number", "string"]}));

// A view: one string or several.
value_schema!(ViewText, _g => json_schema!({
    "anyOf": [
        {"type": "string"},
        {"type": "array", "items": {"type": "string"}}
    ]
}));

// `better`.
value_schema!(BetterWord, _g => json_schema!({"type": "string", "enum": ["higher", "lower"]}));

// `status`: the canonical words, then the Japanese ones, each with its meaning.
value_schema!(StatusWord, _g => {
    let words: Vec<&str> = status_words().into_iter().map(|(w, _)| w).collect();
    json_schema!({"type": "string", "enum": words})
});

/// Every accepted status word with its status: canonical words first.
pub fn status_words() -> Vec<(&'static str, Status)> {
    let mut out: Vec<(&'static str, Status)> =
        Status::ALL.iter().map(|s| (s.as_str(), *s)).collect();
    for s in Status::ALL {
        out.extend(s.japanese_words().iter().map(|w| (*w, s)));
    }
    out
}

/// Where each table's schema sits in the generated (inlined) schema.
pub fn pointer(table: Table) -> &'static str {
    match table {
        Table::Top => "",
        Table::Sheet => "/properties/sheet",
        Table::Goal => "/properties/goals/items",
        Table::Progress => "/properties/goals/items/properties/progress/items",
        Table::Challenge => "/properties/challenges/items",
        Table::Views => "/properties/challenges/items/properties/views",
        Table::Indicator => "/properties/indicators/items",
        Table::Hospital => "/properties/hospital_collaboration/items",
    }
}

/// The schema of format 1 as JSON, with descriptions in `lang`.
pub fn schema_value(lang: Lang) -> Value {
    let mut settings = SchemaSettings::draft07();
    settings.inline_subschemas = true;
    let schema = settings
        .into_generator()
        .into_root_schema_for::<SheetFile>();
    let mut value = schema.to_value();
    strip_null(&mut value);
    describe(&mut value, lang);
    value
}

/// The schema as the pretty-printed text `sheet schema` writes (ending in a newline).
pub fn schema_text(lang: Lang) -> String {
    let value = schema_value(lang);
    // Serialising a `Value` cannot fail.
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// TOML has no null: drop what `Option` added.
fn strip_null(value: &mut Value) {
    match value {
        Value::Object(obj) => {
            if let Some(Value::Array(types)) = obj.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    obj.insert("type".into(), only);
                }
            }
            if let Some(Value::Array(values)) = obj.get_mut("enum") {
                values.retain(|v| !v.is_null());
            }
            let alone = obj.len() == 1;
            if let Some(Value::Array(alternatives)) = obj.get_mut("anyOf") {
                alternatives.retain(|a| a.get("type").is_none_or(|t| t != "null"));
                if alternatives.len() == 1 && alone {
                    let only = alternatives.remove(0);
                    *value = only;
                    strip_null(value);
                    return;
                }
            }
            for v in obj.values_mut() {
                strip_null(v);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(strip_null),
        _ => {}
    }
}

/// Adds titles, descriptions and taplo's editor hints.
fn describe(root: &mut Value, lang: Lang) {
    if let Some(obj) = root.as_object_mut() {
        obj.insert(
            "title".into(),
            authoring::table_doc(Table::Top, lang).into(),
        );
    }
    for table in Table::ALL {
        let Some(schema) = root
            .pointer_mut(pointer(table))
            .and_then(Value::as_object_mut)
        else {
            continue;
        };
        schema.insert(
            "description".into(),
            authoring::table_doc(table, lang).into(),
        );
        if let Some(required) = schema.get("required").cloned() {
            taplo(schema).insert("initKeys".into(), required);
        }
        let Some(Value::Object(props)) = schema.get_mut("properties") else {
            continue;
        };
        for (key, prop) in props.iter_mut() {
            let Some(prop) = prop.as_object_mut() else {
                continue;
            };
            if let Some(doc) = authoring::key_doc(table, key, lang) {
                prop.insert("description".into(), doc.into());
            }
            match key.as_str() {
                "status" => {
                    let docs: Vec<Value> = status_words()
                        .into_iter()
                        .map(|(w, s)| format!("{w}: {}", authoring::status_doc(s, lang)).into())
                        .collect();
                    docs_of(prop).insert("enumValues".into(), docs.into());
                }
                "better" => {
                    let docs: Vec<Value> = [true, false]
                        .into_iter()
                        .map(|h| authoring::better_doc(h, lang).into())
                        .collect();
                    docs_of(prop).insert("enumValues".into(), docs.into());
                }
                _ => {}
            }
        }
    }
}

/// The `x-taplo` extension object of a schema (created when absent).
fn taplo(schema: &mut Map<String, Value>) -> &mut Map<String, Value> {
    let ext = schema
        .entry("x-taplo")
        .or_insert_with(|| Value::Object(Map::new()));
    if !ext.is_object() {
        *ext = Value::Object(Map::new());
    }
    match ext {
        Value::Object(m) => m,
        _ => unreachable!("just made an object"),
    }
}

/// `x-taplo.docs` of a schema.
fn docs_of(schema: &mut Map<String, Value>) -> &mut Map<String, Value> {
    let ext = taplo(schema);
    let docs = ext
        .entry("docs")
        .or_insert_with(|| Value::Object(Map::new()));
    if !docs.is_object() {
        *docs = Value::Object(Map::new());
    }
    match docs {
        Value::Object(m) => m,
        _ => unreachable!("just made an object"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table_schema(value: &Value, table: Table) -> &Map<String, Value> {
        value
            .pointer(pointer(table))
            .and_then(Value::as_object)
            .unwrap_or_else(|| panic!("no schema for {}", table.header()))
    }

    /// The loader and the schema accept exactly the same keys in every table.
    #[test]
    fn schema_keys_equal_loader_keys() {
        let value = schema_value(Lang::Ja);
        for table in Table::ALL {
            let schema = table_schema(&value, table);
            let mut in_schema: Vec<&str> = schema["properties"]
                .as_object()
                .expect("properties")
                .keys()
                .map(String::as_str)
                .collect();
            let mut in_loader: Vec<&str> = table.keys().to_vec();
            in_schema.sort_unstable();
            in_loader.sort_unstable();
            assert_eq!(in_schema, in_loader, "keys of {}", table.header());
            assert_eq!(
                schema.get("additionalProperties"),
                Some(&Value::Bool(false)),
                "{} must refuse unknown keys",
                table.header()
            );
        }
    }

    #[test]
    fn every_key_has_a_description_in_both_languages() {
        for lang in [Lang::Ja, Lang::En] {
            let value = schema_value(lang);
            for table in Table::ALL {
                let schema = table_schema(&value, table);
                assert!(schema.contains_key("description"));
                for (key, prop) in schema["properties"].as_object().expect("properties") {
                    let d = prop.get("description").and_then(Value::as_str);
                    assert!(
                        d.is_some_and(|d| !d.is_empty()),
                        "{} {key} has no description ({lang:?})",
                        table.header()
                    );
                }
            }
        }
    }

    #[test]
    fn required_keys_match_the_spec() {
        let value = schema_value(Lang::Ja);
        let required = |t: Table| table_schema(&value, t).get("required").cloned();
        assert_eq!(required(Table::Top), Some(serde_json::json!(["sheet"])));
        assert_eq!(
            required(Table::Sheet),
            Some(serde_json::json!(["prefecture", "region", "fiscal_year"]))
        );
        for t in [
            Table::Goal,
            Table::Progress,
            Table::Challenge,
            Table::Hospital,
        ] {
            assert_eq!(
                required(t),
                Some(serde_json::json!(["text"])),
                "{}",
                t.header()
            );
        }
        assert_eq!(
            required(Table::Indicator),
            Some(serde_json::json!(["name"]))
        );
        assert_eq!(required(Table::Views), None);
    }

    #[test]
    fn status_enum_lists_canonical_and_japanese_words() {
        let value = schema_value(Lang::Ja);
        for table in [Table::Progress, Table::Hospital] {
            let status = &table_schema(&value, table)["properties"]["status"];
            let words: Vec<&str> = status["enum"]
                .as_array()
                .expect("enum")
                .iter()
                .filter_map(Value::as_str)
                .collect();
            for s in Status::ALL {
                assert!(words.contains(&s.as_str()));
                for w in s.japanese_words() {
                    assert!(words.contains(w));
                    assert_eq!(Status::parse(w), Some(s));
                }
            }
            let docs = status["x-taplo"]["docs"]["enumValues"]
                .as_array()
                .expect("docs");
            assert_eq!(docs.len(), words.len());
        }
        let better = &table_schema(&value, Table::Indicator)["properties"]["better"];
        assert_eq!(better["enum"], serde_json::json!(["higher", "lower"]));
    }

    #[test]
    fn no_null_anywhere() {
        let text = schema_text(Lang::Ja);
        assert!(!text.contains("null"), "{text}");
        assert!(text.contains("http://json-schema.org/draft-07/schema#"));
    }
}
