#include "core/vocabulary.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace jz::vocab {
namespace {

using namespace std::string_view_literals;

constexpr std::array kKinds{"person"sv,       "case"sv,           "event"sv,      "facility"sv,
                            "organization"sv, "source"sv,         "topic"sv,      "treaty"sv,
                            "review"sv,       "recommendation"sv, "engagement"sv, "indicator"sv};
constexpr std::array kVisibilities{"public"sv, "restricted"sv, "confidential"sv};
constexpr std::array kLinkTypes{"detained_at"sv, "represented_by"sv, "member_of"sv,
                                "works_for"sv,   "family_of"sv,      "administered_by"sv,
                                "tried_by"sv,    "prosecuted_by"sv,  "investigated_by"sv,
                                "about"sv,       "raised_in"sv,      "related_to"sv};
constexpr std::array kProvinces{
    "beijing"sv,   "tianjin"sv,      "hebei"sv,    "shanxi"sv,    "inner_mongolia"sv, "liaoning"sv,
    "jilin"sv,     "heilongjiang"sv, "shanghai"sv, "jiangsu"sv,   "zhejiang"sv,       "anhui"sv,
    "fujian"sv,    "jiangxi"sv,      "shandong"sv, "henan"sv,     "hubei"sv,          "hunan"sv,
    "guangdong"sv, "guangxi"sv,      "hainan"sv,   "chongqing"sv, "sichuan"sv,        "guizhou"sv,
    "yunnan"sv,    "tibet"sv,        "shaanxi"sv,  "gansu"sv,     "qinghai"sv,        "ningxia"sv,
    "xinjiang"sv,  "hong_kong"sv,    "macau"sv,    "taiwan"sv};
constexpr std::array kAliasSystems{"chinese"sv, "pinyin"sv,  "wade_giles"sv, "uyghur"sv,
                                   "tibetan"sv, "english"sv, "other"sv};
constexpr std::array kGenders{"male"sv, "female"sv, "other"sv, "unknown"sv};
constexpr std::array kPersonGroups{"lawyer"sv,
                                   "journalist"sv,
                                   "petitioner"sv,
                                   "religious_believer"sv,
                                   "rural_resident"sv,
                                   "migrant_worker"sv,
                                   "worker"sv,
                                   "student"sv,
                                   "writer"sv,
                                   "academic"sv,
                                   "activist"sv,
                                   "artist"sv,
                                   "blogger"sv,
                                   "ethnic_minority"sv,
                                   "falun_gong_practitioner"sv,
                                   "family_member"sv,
                                   "other"sv};
constexpr std::array kPersonStatuses{"detained"sv,    "serving_sentence"sv, "under_surveillance"sv,
                                     "disappeared"sv, "released"sv,         "exiled"sv,
                                     "deceased"sv,    "unknown"sv};
constexpr std::array kChargeLaws{"criminal_law"sv, "criminal_procedure_law"sv, "regulation"sv,
                                 "other"sv};
constexpr std::array kSentenceTypes{"fixed_term"sv,     "life"sv, "death"sv,  "death_suspended"sv,
                                    "administrative"sv, "none"sv, "unknown"sv};
constexpr std::array kCaseStatuses{"pre_trial"sv,        "on_trial"sv, "sentenced"sv, "appeal"sv,
                                   "serving_sentence"sv, "released"sv, "closed"sv,    "unknown"sv};
// The procedural steps (taken_away .. appeal_ruling, and the notices and lawyer visits) are
// what the legal clock (src/monitor, data/law/) reads; the rest are documented events.
constexpr std::array kEventTypes{"taken_away"sv,
                                 "criminal_detention"sv,
                                 "residential_surveillance"sv,
                                 "residential_surveillance_ended"sv,
                                 "bail"sv,
                                 "arrest_requested"sv,
                                 "arrest_approved"sv,
                                 "arrest_refused"sv,
                                 "custody_extended"sv,
                                 "sent_for_review"sv,
                                 "supplementary_investigation"sv,
                                 "not_prosecuted"sv,
                                 "indicted"sv,
                                 "case_accepted"sv,
                                 "trial"sv,
                                 "verdict"sv,
                                 "judgment_served"sv,
                                 "sentence"sv,
                                 "appeal"sv,
                                 "appeal_ruling"sv,
                                 "release"sv,
                                 "family_notified"sv,
                                 "lawyer_meeting_requested"sv,
                                 "lawyer_meeting_granted"sv,
                                 "lawyer_meeting_denied"sv,
                                 "disappearance"sv,
                                 "hunger_strike"sv,
                                 "health_incident"sv,
                                 "torture_reported"sv,
                                 "death_in_custody"sv,
                                 "licence_revoked"sv,
                                 "licence_not_renewed"sv,
                                 "licence_suspended"sv,
                                 "harassment"sv,
                                 "forced_eviction"sv,
                                 "petition"sv,
                                 "dialogue_round"sv,
                                 "state_visit"sv,
                                 "un_review"sv,
                                 "other"sv};
// Events that are occasions to raise cases (an opportunity): cases and persons point at them
// with links of type raised_in.
constexpr std::array kOpportunityTypes{"dialogue_round"sv, "state_visit"sv, "un_review"sv};
// Facts about one step that decide which rule or exception applies.
constexpr std::array kEventFlags{"closed_to_public"sv,
                                 "designated_location"sv,
                                 "state_secrets"sv,
                                 "personal_privacy"sv,
                                 "minor"sv,
                                 "trade_secrets"sv};
constexpr std::array kFacilityTypes{"prison"sv,
                                    "detention_centre"sv,
                                    "reeducation_through_labour"sv,
                                    "custody_and_repatriation"sv,
                                    "ankang"sv,
                                    "black_jail"sv,
                                    "residential_surveillance_location"sv,
                                    "political_reeducation_camp"sv,
                                    "drug_rehabilitation"sv,
                                    "other"sv};
constexpr std::array kOrganizationTypes{
    "ngo"sv,     "law_firm"sv, "police"sv,  "procuratorate"sv, "court"sv,   "government_body"sv,
    "company"sv, "brand"sv,    "factory"sv, "foundation"sv,    "un_body"sv, "other"sv};
constexpr std::array kSourceTypes{
    "report"sv,  "news"sv, "testimony"sv, "court_document"sv, "official_statement"sv,
    "dataset"sv, "other"sv};
constexpr std::array kReliabilityGrades{"A"sv, "B"sv, "C"sv, "D"sv, "E"sv, "F"sv};
constexpr std::array kLawyerExpertise{"criminal_defence"sv,
                                      "administrative_litigation"sv,
                                      "constitutional"sv,
                                      "un_mechanisms"sv,
                                      "asylum_immigration"sv,
                                      "torture_redress"sv,
                                      "death_penalty"sv,
                                      "religious_freedom"sv,
                                      "ethnic_minorities"sv,
                                      "labour"sv,
                                      "land_and_housing"sv,
                                      "media_and_speech"sv,
                                      "other"sv};
constexpr std::array kLawyerAvailability{"available"sv, "limited"sv, "unavailable"sv};

// Standing bodies and engagement (docs/RECORDS.md). The themes are UPR Info's issues, as codes.
constexpr std::array kTreatyTypes{"core"sv, "optional_protocol"sv, "ilo_convention"sv, "other"sv};
constexpr std::array kReviewBodies{"upr"sv,  "cat"sv, "cerd"sv, "cedaw"sv, "crc"sv, "cescr"sv,
                                   "crpd"sv, "hrc"sv, "ced"sv,  "cmw"sv,   "ilo"sv};
constexpr std::array kRecThemes{"asylum_seekers_refugees"sv,
                                "civil_society"sv,
                                "corruption"sv,
                                "counter_terrorism"sv,
                                "cp_rights_general"sv,
                                "death_penalty"sv,
                                "detention"sv,
                                "development"sv,
                                "disabilities"sv,
                                "elections"sv,
                                "enforced_disappearances"sv,
                                "environment"sv,
                                "esc_rights_general"sv,
                                "extrajudicial_executions"sv,
                                "freedom_of_association_and_peaceful_assembly"sv,
                                "freedom_of_movement"sv,
                                "freedom_of_opinion_and_expression"sv,
                                "freedom_of_religion_and_belief"sv,
                                "freedom_of_the_press"sv,
                                "general"sv,
                                "hiv_aids"sv,
                                "human_rights_defenders"sv,
                                "human_rights_education_and_training"sv,
                                "human_rights_violations_by_state_agents"sv,
                                "impunity"sv,
                                "indigenous_peoples"sv,
                                "internally_displaced_persons"sv,
                                "international_humanitarian_law"sv,
                                "international_instruments"sv,
                                "justice"sv,
                                "labour"sv,
                                "migrants"sv,
                                "minorities"sv,
                                "national_plan_of_action"sv,
                                "nhri"sv,
                                "other"sv,
                                "poverty"sv,
                                "public_security"sv,
                                "racial_discrimination"sv,
                                "right_to_education"sv,
                                "right_to_food"sv,
                                "right_to_health"sv,
                                "right_to_housing"sv,
                                "right_to_land"sv,
                                "right_to_water"sv,
                                "rights_of_the_child"sv,
                                "sexual_orientation_and_gender_identity"sv,
                                "special_procedures"sv,
                                "technical_assistance_and_cooperation"sv,
                                "torture_and_other_cid_treatment"sv,
                                "trafficking"sv,
                                "treaty_bodies"sv,
                                "upr_process"sv,
                                "womens_rights"sv};
constexpr std::array kRecResponses{
    "accepted"sv, "partially_accepted"sv, "noted"sv, "rejected"sv, "pending"sv, "none"sv};
constexpr std::array kImplementationStatuses{"implemented"sv, "partially_implemented"sv,
                                             "not_implemented"sv, "worsened"sv, "unclear"sv};
constexpr std::array kEngagementTypes{"dialogue"sv, "programme"sv};
constexpr std::array kCommitmentStatuses{"kept"sv, "partly_kept"sv, "broken"sv, "pending"sv,
                                         "unclear"sv};
constexpr std::array kIndicatorDimensions{"civil_political"sv,   "labour"sv,        "women"sv,
                                          "prison_conditions"sv, "information"sv,   "due_process"sv,
                                          "psychiatric_abuse"sv, "death_penalty"sv, "esc_rights"sv,
                                          "tibet_xinjiang"sv,    "religion"sv,      "rule_of_law"sv,
                                          "civil_society"sv,     "other"sv};
constexpr std::array kTrendValues{"improved"sv, "worsened"sv, "stasis"sv, "ambiguous"sv};

}  // namespace

List kinds() {
  return kKinds;
}
List visibilities() {
  return kVisibilities;
}
List link_types() {
  return kLinkTypes;
}
List provinces() {
  return kProvinces;
}
List alias_systems() {
  return kAliasSystems;
}
List genders() {
  return kGenders;
}
List person_groups() {
  return kPersonGroups;
}
List person_statuses() {
  return kPersonStatuses;
}
List charge_laws() {
  return kChargeLaws;
}
List sentence_types() {
  return kSentenceTypes;
}
List case_statuses() {
  return kCaseStatuses;
}
List event_types() {
  return kEventTypes;
}
List opportunity_types() {
  return kOpportunityTypes;
}
List event_flags() {
  return kEventFlags;
}
List facility_types() {
  return kFacilityTypes;
}
List organization_types() {
  return kOrganizationTypes;
}
List source_types() {
  return kSourceTypes;
}
List reliability_grades() {
  return kReliabilityGrades;
}
List lawyer_expertise() {
  return kLawyerExpertise;
}
List lawyer_availability() {
  return kLawyerAvailability;
}

List treaty_types() {
  return kTreatyTypes;
}
List review_bodies() {
  return kReviewBodies;
}
List rec_themes() {
  return kRecThemes;
}
List rec_responses() {
  return kRecResponses;
}
List implementation_statuses() {
  return kImplementationStatuses;
}
List engagement_types() {
  return kEngagementTypes;
}
List commitment_statuses() {
  return kCommitmentStatuses;
}
List indicator_dimensions() {
  return kIndicatorDimensions;
}
List trend_values() {
  return kTrendValues;
}

bool contains(List list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::string describe(List list) {
  std::string s = "one of ";
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i) s += ", ";
    s += list[i];
  }
  return s;
}

}  // namespace jz::vocab
