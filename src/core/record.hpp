#pragma once
// The record envelope and the typed body of each kind. docs/RECORDS.md is the same model
// written for users; keep the two in step.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/partial_date.hpp"
#include "core/text.hpp"

namespace jz {

using Date = std::optional<PartialDate>;
using Ids = std::vector<std::string>;

struct Citation {
  std::string source;   // id of a source record
  std::string locator;  // where in the source: page, paragraph, timestamp
  bool operator==(const Citation&) const = default;
};

struct Link {
  std::string type;  // vocab::link_types()
  std::string target;
  Date from;
  Date to;
  std::vector<Citation> sources;
  std::string visibility = "public";
  Text note;
  bool operator==(const Link&) const = default;
};

struct Alias {
  std::string name;
  std::string system;  // vocab::alias_systems()
  bool operator==(const Alias&) const = default;
};

// A lawyer's professional facts (person.lawyer): a Chinese defence lawyer's licence and bar,
// or a partner lawyer outside China with the languages, expertise and availability that
// matching a case reads (web/partner_match.hpp). A lawyer who asked for confidentiality is
// never public: the decoder makes such a record "restricted" (docs/RECORDS.md).
struct Lawyer {
  std::string licence = {};                 // licence number, as issued
  Text bar = {};                            // the bar association or jurisdiction
  bool foreign = false;                     // a partner lawyer outside China
  std::vector<std::string> languages = {};  // ISO 639 codes: 2-3 lowercase letters
  std::vector<std::string> expertise = {};  // vocab::lawyer_expertise()
  std::string availability = {};            // vocab::lawyer_availability()
  bool asked_confidentiality = false;       // the lawyer asked not to be named in public
  bool empty() const {
    return licence.empty() && bar.empty() && !foreign && languages.empty() && expertise.empty() &&
           availability.empty() && !asked_confidentiality;
  }
  bool operator==(const Lawyer&) const = default;
};

struct Person {
  Text name;
  std::vector<Alias> aliases;
  std::string gender;
  Date born;
  Date died;
  Text ethnicity;
  std::string province;
  Text home_place;
  std::vector<std::string> groups;
  Text health;
  std::string status = "unknown";
  Date status_verified;
  Text status_note;
  Text summary;
  Lawyer lawyer = {};  // empty unless the person is a lawyer with facts to record
  bool operator==(const Person&) const = default;
};

struct Charge {
  Text name;
  std::string law;  // vocab::charge_laws()
  std::string article;
  bool operator==(const Charge&) const = default;
};

struct Sentence {
  std::string type;  // vocab::sentence_types(); empty when no sentence is recorded
  int years = 0;
  int months = 0;
  Date ends;
  Text text;
  bool empty() const { return type.empty() && !years && !months && !ends && text.empty(); }
  bool operator==(const Sentence&) const = default;
};

struct Case {
  Text title;
  Text summary;
  Ids persons;
  Ids topics;
  std::vector<Charge> charges;
  Ids facilities;
  Ids lawyers;
  Sentence sentence;
  std::string status;
  bool featured = false;  // editors' choice for the home page
  bool operator==(const Case&) const = default;
};

struct Event {
  std::string type;
  PartialDate date = PartialDate::of({});
  std::string case_id;  // "case" in JSON
  Ids persons;
  Text place;
  std::string facility;
  std::vector<std::string> flags;  // vocab::event_flags()
  Text title;
  Text notes;
  bool operator==(const Event&) const = default;
};

struct GeoPoint {
  double lat = 0;
  double lon = 0;
  bool operator==(const GeoPoint&) const = default;
};

struct ConditionsReport {
  Date date;
  Text text;
  std::vector<Citation> sources;
  bool operator==(const ConditionsReport&) const = default;
};

struct Facility {
  std::string type;
  Text name;
  std::vector<Text> aliases;
  std::string province;
  Text county;
  std::optional<GeoPoint> location;
  Text authority;
  Text legal_basis;
  Date opened;
  Date closed;
  std::vector<ConditionsReport> conditions;
  Text summary;
  bool operator==(const Facility&) const = default;
};

struct Organization {
  std::string type;
  Text name;
  std::string province;
  std::string url;
  Text summary;
  bool operator==(const Organization&) const = default;
};

struct Source {
  std::string type;
  Text title;
  std::string url;
  Text publisher;
  Date published;
  Date retrieved;
  std::string reliability;
  std::string language;
  std::string file_hash;
  bool operator==(const Source&) const = default;
};

struct Topic {
  std::string key;
  Text title;
  Text summary;
  Text text;  // Markdown
  bool operator==(const Topic&) const = default;
};

// The standing bodies and engagement monitor (docs/RECORDS.md): what China ratified, how it
// was reviewed, what it was asked and promised, and what changed.

struct Treaty {
  std::string code;  // "CAT", "ICCPR", "ILO-C138": how advocates cite it
  std::string type;  // vocab::treaty_types()
  Text name;
  Text monitoring_body;
  std::string parent;  // the treaty an optional protocol belongs to
  Date adopted;
  Date signed_on;  // "signed" in JSON: by China
  Date ratified;   // ratification or accession by China
  std::vector<Text> reservations;
  Text summary;
  bool operator==(const Treaty&) const = default;
};

struct ReviewDocument {
  std::string symbol;  // the UN document symbol, e.g. "CAT/C/CHN/CO/4"
  Text title;
  std::string url;
  Date date;
  bool operator==(const ReviewDocument&) const = default;
};

struct Review {
  std::string body;    // vocab::review_bodies(): "upr" or a treaty body
  std::string treaty;  // the treaty reviewed; empty for the UPR
  std::string cycle;   // "UPR session 4", "4th periodic report"
  Text title;
  Date date;  // when the review was, or will be, held
  Date state_report;
  std::vector<ReviewDocument> documents;
  Ids submissions;  // sources: NGO submissions and shadow reports
  Text summary;
  bool operator==(const Review&) const = default;
};

// An assessment of how far a recommendation or commitment was carried out, or of a trend,
// at one date, with the evidence for it.
struct Assessment {
  Date date;
  Date to;            // indicators: the end of the period assessed
  std::string value;  // the list depends on what is assessed (see each kind)
  Text text;
  std::vector<Citation> sources;
  Ids evidence;  // cases, events, persons, facilities that show it
  bool operator==(const Assessment&) const = default;
};

struct Recommendation {
  std::string review;
  std::string document;   // the document symbol it is in
  std::string paragraph;  // its paragraph there, "114.1"
  Text text;
  std::vector<std::string> themes;  // vocab::rec_themes()
  std::string from;                 // the recommending state (UPR); empty for a treaty body
  std::string response;             // vocab::rec_responses()
  Text response_text;
  std::vector<Assessment> assessments;  // value: vocab::implementation_statuses()
  bool operator==(const Recommendation&) const = default;
};

struct EngagementRound {
  Date date;
  Text place;
  Text agenda;
  Text civil_society;  // who from civil society took part, and how
  Text outcomes;
  Text progress;      // since the round before
  std::string event;  // the opportunity event (issue 6) that persons are raised_in
  Ids raised;         // persons and cases raised
  bool operator==(const EngagementRound&) const = default;
};

struct Commitment {
  Text text;
  Date made;
  Text benchmark;      // what would show it was kept
  std::string status;  // vocab::commitment_statuses()
  Date assessed;
  std::vector<Citation> sources;
  Ids evidence;
  bool operator==(const Commitment&) const = default;
};

struct GroundRules {
  Text publicity, inclusiveness, evaluation;
  bool empty() const { return publicity.empty() && inclusiveness.empty() && evaluation.empty(); }
  bool operator==(const GroundRules&) const = default;
};

// A government-to-government dialogue or an engagement programme.
struct Engagement {
  std::string type;  // vocab::engagement_types()
  Text name;
  Text parties;
  Text funder;
  Ids partners;  // organizations
  Text field;
  Date from;
  Date to;
  GroundRules ground_rules;
  Text summary;
  std::vector<EngagementRound> rounds;
  std::vector<Commitment> commitments;
  bool operator==(const Engagement&) const = default;
};

// One dimension of the human-rights situation, assessed period by period.
struct Indicator {
  std::string dimension;  // vocab::indicator_dimensions()
  Text title;
  Text summary;
  std::vector<Assessment> assessments;  // date..to, value: vocab::trend_values()
  bool operator==(const Indicator&) const = default;
};

using Body = std::variant<Person, Case, Event, Facility, Organization, Source, Topic, Treaty,
                          Review, Recommendation, Engagement, Indicator>;

// The kind name of a body ("person", "case", ...), and the id letter of each kind.
std::string_view kind_of(const Body& body);
char id_letter(std::string_view kind);

struct Record {
  std::string id;
  std::string slug;
  std::string visibility = "public";
  std::vector<std::string> confidential;  // JSON Pointers into this record
  // Set when this record was merged into another of its kind (a duplicate): it keeps its
  // history, is no longer public, and its public address sends readers to that record.
  std::string merged_into;
  std::string created;  // UTC "YYYY-MM-DDTHH:MM:SSZ"
  std::string updated;
  int revision = 0;
  std::vector<Citation> sources;
  std::vector<Link> links;
  Body body;

  std::string_view kind() const { return kind_of(body); }
  // The record's display name: a person's name, a case's title, ...
  const Text& label() const;
  // Every record id this record points at (links, citations, case members, ...).
  Ids references() const;
  bool operator==(const Record&) const = default;
};

// The one list of fields that name other records, besides link targets (a link is kept or
// dropped whole): calls `visit` with each as a std::string (one id), Ids, or
// std::vector<Citation>. Record::references() and public_view() both walk it, so a field
// added here is indexed and redacted alike. R is Record or const Record.
template <typename R, typename F>
void for_each_reference_field(R& record, F&& visit) {
  visit(record.merged_into);
  visit(record.sources);
  for (auto& link : record.links) visit(link.sources);
  if (auto* c = std::get_if<Case>(&record.body)) {
    visit(c->persons);
    visit(c->topics);
    visit(c->facilities);
    visit(c->lawyers);
  } else if (auto* e = std::get_if<Event>(&record.body)) {
    visit(e->case_id);
    visit(e->persons);
    visit(e->facility);
  } else if (auto* f = std::get_if<Facility>(&record.body)) {
    for (auto& report : f->conditions) visit(report.sources);
  } else if (auto* t = std::get_if<Treaty>(&record.body)) {
    visit(t->parent);
  } else if (auto* v = std::get_if<Review>(&record.body)) {
    visit(v->treaty);
    visit(v->submissions);
  } else if (auto* r = std::get_if<Recommendation>(&record.body)) {
    visit(r->review);
    for (auto& a : r->assessments) visit(a.sources), visit(a.evidence);
  } else if (auto* g = std::get_if<Engagement>(&record.body)) {
    visit(g->partners);
    for (auto& round : g->rounds) visit(round.event), visit(round.raised);
    for (auto& c : g->commitments) visit(c.sources), visit(c.evidence);
  } else if (auto* n = std::get_if<Indicator>(&record.body)) {
    for (auto& a : n->assessments) visit(a.sources), visit(a.evidence);
  }
}

}  // namespace jz
