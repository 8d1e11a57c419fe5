#include "web/record_form_fields.hpp"

#include <array>

namespace jz::web {
namespace {

using T = FieldType;
namespace v = vocab;

constexpr std::array kAlias{
    FieldSpec{"name", T::kString, "field.alias_name"},
    FieldSpec{"system", T::kChoice, "field.alias_system", v::alias_systems, "alias_system"},
};
constexpr std::array kLawyer{
    FieldSpec{"licence", T::kString, "field.lawyer_licence"},
    FieldSpec{"bar", T::kText, "field.lawyer_bar"},
    FieldSpec{"foreign", T::kBool, "field.lawyer_foreign"},
    FieldSpec{"languages", T::kStrings, "field.lawyer_languages"},
    FieldSpec{"expertise", T::kChoices, "field.lawyer_expertise", v::lawyer_expertise,
              "lawyer_expertise"},
    FieldSpec{"availability", T::kChoice, "field.lawyer_availability", v::lawyer_availability,
              "lawyer_availability"},
    FieldSpec{"asked_confidentiality", T::kBool, "field.lawyer_asked_confidentiality"},
};
constexpr std::array kPerson{
    FieldSpec{.key = "name", .type = T::kText, .label = "field.name", .required = true},
    FieldSpec{.key = "aliases", .type = T::kGroup, .label = "ui.aliases", .fields = kAlias},
    FieldSpec{"gender", T::kChoice, "ui.gender", v::genders, "gender"},
    FieldSpec{"born", T::kDate, "ui.born"},
    FieldSpec{"died", T::kDate, "ui.died"},
    FieldSpec{"ethnicity", T::kText, "ui.ethnicity"},
    FieldSpec{"province", T::kChoice, "ui.province", v::provinces, "province"},
    FieldSpec{"home_place", T::kText, "ui.home_place"},
    FieldSpec{"groups", T::kChoices, "ui.groups", v::person_groups, "person_group"},
    FieldSpec{"health", T::kLongText, "ui.health"},
    FieldSpec{"status", T::kChoice, "ui.status", v::person_statuses, "person_status"},
    FieldSpec{"status_verified", T::kDate, "field.status_verified"},
    FieldSpec{"status_note", T::kLongText, "field.status_note"},
    FieldSpec{"summary", T::kLongText, "field.summary"},
    FieldSpec{.key = "lawyer", .type = T::kObject, .label = "field.lawyer", .fields = kLawyer},
};

constexpr std::array kCharge{
    FieldSpec{"name", T::kText, "field.charge_name"},
    FieldSpec{"law", T::kChoice, "field.charge_law", v::charge_laws, "charge_law"},
    FieldSpec{"article", T::kString, "field.charge_article"},
};
constexpr std::array kSentence{
    FieldSpec{"type", T::kChoice, "field.sentence_type", v::sentence_types, "sentence_type"},
    FieldSpec{"years", T::kInt, "field.sentence_years"},
    FieldSpec{"months", T::kInt, "field.sentence_months"},
    FieldSpec{"ends", T::kDate, "ui.sentence_ends"},
    FieldSpec{"text", T::kText, "field.sentence_text"},
};
constexpr std::array kCase{
    FieldSpec{.key = "title", .type = T::kText, .label = "field.title", .required = true},
    FieldSpec{"summary", T::kLongText, "field.summary"},
    FieldSpec{.key = "persons", .type = T::kRefs, .label = "field.persons", .ref_kinds = "person"},
    FieldSpec{.key = "topics", .type = T::kRefs, .label = "ui.nav_topics", .ref_kinds = "topic"},
    FieldSpec{.key = "charges", .type = T::kGroup, .label = "ui.charges", .fields = kCharge},
    FieldSpec{.key = "facilities",
              .type = T::kRefs,
              .label = "ui.nav_facilities",
              .ref_kinds = "facility"},
    FieldSpec{.key = "lawyers",
              .type = T::kRefs,
              .label = "ui.lawyers",
              .ref_kinds = "person,organization"},
    FieldSpec{.key = "sentence", .type = T::kObject, .label = "ui.sentence", .fields = kSentence},
    FieldSpec{"status", T::kChoice, "ui.status", v::case_statuses, "case_status"},
    FieldSpec{"featured", T::kBool, "field.featured"},
};

constexpr std::array kEvent{
    FieldSpec{.key = "type",
              .type = T::kChoice,
              .label = "field.event_type",
              .options = v::event_types,
              .labels = "event_type",
              .required = true},
    FieldSpec{.key = "date", .type = T::kDate, .label = "field.date", .required = true},
    FieldSpec{.key = "case", .type = T::kRef, .label = "field.case", .ref_kinds = "case"},
    FieldSpec{.key = "persons", .type = T::kRefs, .label = "field.persons", .ref_kinds = "person"},
    FieldSpec{"place", T::kText, "field.place"},
    FieldSpec{
        .key = "facility", .type = T::kRef, .label = "field.facility", .ref_kinds = "facility"},
    FieldSpec{"flags", T::kChoices, "field.event_flags", v::event_flags, "event_flag"},
    FieldSpec{"title", T::kText, "field.title"},
    FieldSpec{"notes", T::kLongText, "field.notes"},
};

constexpr std::array kLocation{
    FieldSpec{"lat", T::kNumber, "field.lat"},
    FieldSpec{"lon", T::kNumber, "field.lon"},
};
constexpr std::array kCondition{
    FieldSpec{"date", T::kDate, "field.date"},
    FieldSpec{"text", T::kLongText, "field.condition_text"},
    FieldSpec{"sources", T::kCitations, "ui.sources"},
};
constexpr std::array kFacility{
    FieldSpec{.key = "type",
              .type = T::kChoice,
              .label = "ui.facility_type",
              .options = v::facility_types,
              .labels = "facility_type",
              .required = true},
    FieldSpec{.key = "name", .type = T::kText, .label = "field.name", .required = true},
    FieldSpec{"aliases", T::kTexts, "ui.aliases"},
    FieldSpec{"province", T::kChoice, "ui.province", v::provinces, "province"},
    FieldSpec{"county", T::kText, "ui.county"},
    FieldSpec{
        .key = "location", .type = T::kObject, .label = "ui.coordinates", .fields = kLocation},
    FieldSpec{"authority", T::kText, "ui.authority"},
    FieldSpec{"legal_basis", T::kText, "ui.legal_basis"},
    FieldSpec{"opened", T::kDate, "ui.opened"},
    FieldSpec{"closed", T::kDate, "ui.closed"},
    FieldSpec{
        .key = "conditions", .type = T::kGroup, .label = "ui.conditions", .fields = kCondition},
    FieldSpec{"summary", T::kLongText, "field.summary"},
};

constexpr std::array kOrganization{
    FieldSpec{.key = "type",
              .type = T::kChoice,
              .label = "ui.organization_type",
              .options = v::organization_types,
              .labels = "organization_type",
              .required = true},
    FieldSpec{.key = "name", .type = T::kText, .label = "field.name", .required = true},
    FieldSpec{"province", T::kChoice, "ui.province", v::provinces, "province"},
    FieldSpec{"url", T::kString, "ui.website"},
    FieldSpec{"summary", T::kLongText, "field.summary"},
};

constexpr std::array kSource{
    FieldSpec{.key = "type",
              .type = T::kChoice,
              .label = "ui.source_type",
              .options = v::source_types,
              .labels = "source_type",
              .required = true},
    FieldSpec{.key = "title", .type = T::kText, .label = "field.title", .required = true},
    FieldSpec{"url", T::kString, "field.url"},
    FieldSpec{"publisher", T::kText, "ui.publisher"},
    FieldSpec{"published", T::kDate, "ui.published"},
    FieldSpec{"retrieved", T::kDate, "ui.retrieved"},
    FieldSpec{"reliability", T::kChoice, "ui.reliability", v::reliability_grades, "reliability"},
    FieldSpec{"language", T::kString, "ui.source_language"},
    FieldSpec{"file_hash", T::kString, "ui.file_hash"},
};

constexpr std::array kTopic{
    FieldSpec{.key = "key", .type = T::kString, .label = "field.topic_key", .required = true},
    FieldSpec{.key = "title", .type = T::kText, .label = "field.title", .required = true},
    FieldSpec{"summary", T::kLongText, "field.summary"},
    FieldSpec{"text", T::kLongText, "field.markdown"},
};

// ---- standing bodies and engagement

constexpr std::array kTreaty{
    FieldSpec{.key = "code", .type = T::kString, .label = "field.code", .required = true},
    FieldSpec{.key = "type",
              .type = T::kChoice,
              .label = "field.treaty_type",
              .options = v::treaty_types,
              .labels = "treaty_type",
              .required = true},
    FieldSpec{.key = "name", .type = T::kText, .label = "field.name", .required = true},
    FieldSpec{"monitoring_body", T::kText, "field.monitoring_body"},
    FieldSpec{
        .key = "parent", .type = T::kRef, .label = "field.parent_treaty", .ref_kinds = "treaty"},
    FieldSpec{"adopted", T::kDate, "field.adopted"},
    FieldSpec{"signed", T::kDate, "field.signed"},
    FieldSpec{"ratified", T::kDate, "field.ratified"},
    FieldSpec{"reservations", T::kTexts, "field.reservations"},
    FieldSpec{"summary", T::kLongText, "field.summary"},
};

constexpr std::array kReviewDocument{
    FieldSpec{"symbol", T::kString, "field.symbol"},
    FieldSpec{"title", T::kText, "field.title"},
    FieldSpec{"url", T::kString, "field.url"},
    FieldSpec{"date", T::kDate, "field.date"},
};
constexpr std::array kReview{
    FieldSpec{.key = "body",
              .type = T::kChoice,
              .label = "field.review_body",
              .options = v::review_bodies,
              .labels = "review_body",
              .required = true},
    FieldSpec{.key = "treaty", .type = T::kRef, .label = "field.treaty", .ref_kinds = "treaty"},
    FieldSpec{"cycle", T::kString, "field.cycle"},
    FieldSpec{.key = "title", .type = T::kText, .label = "field.title", .required = true},
    FieldSpec{.key = "date", .type = T::kDate, .label = "field.date", .required = true},
    FieldSpec{"state_report", T::kDate, "field.state_report"},
    FieldSpec{.key = "documents",
              .type = T::kGroup,
              .label = "field.documents",
              .fields = kReviewDocument},
    FieldSpec{.key = "submissions",
              .type = T::kRefs,
              .label = "field.submissions",
              .ref_kinds = "source"},
    FieldSpec{"summary", T::kLongText, "field.summary"},
};

constexpr std::array kImplementation{
    FieldSpec{"date", T::kDate, "field.date"},
    FieldSpec{"status", T::kChoice, "field.assessment_status", v::implementation_statuses,
              "implementation_status"},
    FieldSpec{"text", T::kLongText, "field.text"},
    FieldSpec{"sources", T::kCitations, "ui.sources"},
    FieldSpec{"evidence", T::kRefs, "field.evidence"},
};
constexpr std::array kRecommendation{
    FieldSpec{.key = "review",
              .type = T::kRef,
              .label = "field.review",
              .ref_kinds = "review",
              .required = true},
    FieldSpec{"document", T::kString, "field.document"},
    FieldSpec{"paragraph", T::kString, "field.paragraph"},
    FieldSpec{.key = "text", .type = T::kText, .label = "field.text", .required = true},
    FieldSpec{"themes", T::kChoices, "field.themes", v::rec_themes, "rec_theme"},
    FieldSpec{"from", T::kString, "field.from_state"},
    FieldSpec{"response", T::kChoice, "field.response", v::rec_responses, "rec_response"},
    FieldSpec{"response_text", T::kLongText, "field.response_text"},
    FieldSpec{.key = "assessments",
              .type = T::kGroup,
              .label = "field.assessments",
              .fields = kImplementation},
};

constexpr std::array kGroundRules{
    FieldSpec{"publicity", T::kLongText, "field.publicity"},
    FieldSpec{"inclusiveness", T::kLongText, "field.inclusiveness"},
    FieldSpec{"evaluation", T::kLongText, "field.evaluation"},
};
constexpr std::array kRound{
    FieldSpec{"date", T::kDate, "field.date"},
    FieldSpec{"place", T::kText, "field.place"},
    FieldSpec{"agenda", T::kLongText, "field.agenda"},
    FieldSpec{"civil_society", T::kLongText, "field.civil_society"},
    FieldSpec{"outcomes", T::kLongText, "field.outcomes"},
    FieldSpec{"progress", T::kLongText, "field.progress"},
    FieldSpec{.key = "event", .type = T::kRef, .label = "field.round_event", .ref_kinds = "event"},
    FieldSpec{
        .key = "raised", .type = T::kRefs, .label = "field.raised", .ref_kinds = "person,case"},
};
constexpr std::array kCommitment{
    FieldSpec{"text", T::kLongText, "field.text"},
    FieldSpec{"made", T::kDate, "field.made"},
    FieldSpec{"benchmark", T::kLongText, "field.benchmark"},
    FieldSpec{"status", T::kChoice, "field.commitment_status", v::commitment_statuses,
              "commitment_status"},
    FieldSpec{"assessed", T::kDate, "field.assessed"},
    FieldSpec{"sources", T::kCitations, "ui.sources"},
    FieldSpec{"evidence", T::kRefs, "field.evidence"},
};
constexpr std::array kEngagement{
    FieldSpec{.key = "type",
              .type = T::kChoice,
              .label = "field.engagement_type",
              .options = v::engagement_types,
              .labels = "engagement_type",
              .required = true},
    FieldSpec{.key = "name", .type = T::kText, .label = "field.name", .required = true},
    FieldSpec{"parties", T::kText, "field.parties"},
    FieldSpec{"funder", T::kText, "field.funder"},
    FieldSpec{.key = "partners",
              .type = T::kRefs,
              .label = "field.partners",
              .ref_kinds = "organization"},
    FieldSpec{"field", T::kText, "field.field"},
    FieldSpec{"from", T::kDate, "field.from"},
    FieldSpec{"to", T::kDate, "field.to"},
    FieldSpec{.key = "ground_rules",
              .type = T::kObject,
              .label = "field.ground_rules",
              .fields = kGroundRules},
    FieldSpec{"summary", T::kLongText, "field.summary"},
    FieldSpec{.key = "rounds", .type = T::kGroup, .label = "field.rounds", .fields = kRound},
    FieldSpec{.key = "commitments",
              .type = T::kGroup,
              .label = "field.commitments",
              .fields = kCommitment},
};

constexpr std::array kTrend{
    FieldSpec{"from", T::kDate, "field.from"},
    FieldSpec{"to", T::kDate, "field.to"},
    FieldSpec{"value", T::kChoice, "field.trend_value", v::trend_values, "trend_value"},
    FieldSpec{"text", T::kLongText, "field.text"},
    FieldSpec{"sources", T::kCitations, "ui.sources"},
    FieldSpec{"evidence", T::kRefs, "field.evidence"},
};
constexpr std::array kIndicator{
    FieldSpec{.key = "dimension",
              .type = T::kChoice,
              .label = "field.dimension",
              .options = v::indicator_dimensions,
              .labels = "indicator_dimension",
              .required = true},
    FieldSpec{.key = "title", .type = T::kText, .label = "field.title", .required = true},
    FieldSpec{"summary", T::kLongText, "field.summary"},
    FieldSpec{
        .key = "assessments", .type = T::kGroup, .label = "field.assessments", .fields = kTrend},
};

constexpr std::array kLink{
    FieldSpec{"type", T::kChoice, "field.link_type", v::link_types, "link_type"},
    FieldSpec{"target", T::kRef, "field.link_target"},
    FieldSpec{"from", T::kDate, "field.from"},
    FieldSpec{"to", T::kDate, "field.to"},
    FieldSpec{"visibility", T::kChoice, "field.visibility", v::visibilities, "visibility"},
    FieldSpec{"note", T::kText, "field.note"},
    FieldSpec{"sources", T::kCitations, "ui.sources"},
};
constexpr std::array kEnvelope{
    FieldSpec{.key = "visibility",
              .type = T::kChoice,
              .label = "field.visibility",
              .options = v::visibilities,
              .labels = "visibility",
              .required = true},
    FieldSpec{"sources", T::kCitations, "ui.sources"},
    FieldSpec{.key = "links", .type = T::kGroup, .label = "ui.links_heading", .fields = kLink},
};

}  // namespace

std::span<const FieldSpec> body_fields(std::string_view kind) {
  if (kind == "person") return kPerson;
  if (kind == "case") return kCase;
  if (kind == "event") return kEvent;
  if (kind == "facility") return kFacility;
  if (kind == "organization") return kOrganization;
  if (kind == "source") return kSource;
  if (kind == "topic") return kTopic;
  if (kind == "treaty") return kTreaty;
  if (kind == "review") return kReview;
  if (kind == "recommendation") return kRecommendation;
  if (kind == "engagement") return kEngagement;
  if (kind == "indicator") return kIndicator;
  return {};
}

std::span<const FieldSpec> envelope_fields() {
  return kEnvelope;
}

}  // namespace jz::web
