#include "publish/prisoner_list.hpp"

#include <algorithm>
#include <set>

#include "core/vocabulary.hpp"
#include "publish/case_clocks.hpp"
#include "search/pinyin.hpp"
#include "store/each_public.hpp"

namespace jz::publish {
namespace {

using std::chrono::sys_days;

constexpr std::string_view kHeld[] = {"detained", "serving_sentence", "disappeared",
                                      "under_surveillance"};
// Steps that put a person in custody, and the clocks whose violation denies them access.
constexpr std::string_view kCustody[] = {"taken_away", "criminal_detention",
                                         "residential_surveillance", "arrest_approved",
                                         "disappearance"};
constexpr std::string_view kAccessClocks[] = {"family_notice_detention", "family_notice_arrest",
                                              "family_notice_designated_residence",
                                              "lawyer_meeting"};

template <std::size_t N>
bool in(const std::string_view (&list)[N], std::string_view v) {
  return std::find(std::begin(list), std::end(list), v) != std::end(list);
}

// The public records of `letter`'s kind that point at `id`.
std::vector<Record> referring(store::Store& store, const IsPublic& visible, std::string_view id,
                              char letter) {
  std::vector<Record> out;
  auto ids = store.referrers(id);
  if (!ids) return out;
  for (const auto& ref : *ids) {
    if (ref.empty() || ref[0] != letter || !visible(ref)) continue;
    if (auto r = store.get(ref))
      if (auto shown = public_view(*r, visible)) out.push_back(std::move(*shown));
  }
  return out;
}

bool names(const Ids& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

int days_between(sys_days from, sys_days to) {
  return int((to - from).count());
}

class Gatherer {
 public:
  Gatherer(store::Store& store, const IsPublic& visible, const PrisonerOptions& options)
      : store_(store), visible_(visible), options_(options), today_(monitor::day_of(options.now)) {}

  Prisoner prisoner(Record person) {
    Prisoner p{.person = std::move(person)};
    const auto& who = std::get<Person>(p.person.body);
    p.pinyin = search::name_pinyin(who.name.zh);
    std::vector<Record> events = referring(store_, visible_, p.person.id, 'e');
    std::erase_if(events, [&](const Record& e) {
      return !names(std::get<Event>(e.body).persons, p.person.id);
    });
    for (auto& c : referring(store_, visible_, p.person.id, 'c')) {
      if (!names(std::get<Case>(c.body).persons, p.person.id)) continue;
      auto case_events = public_case_events(store_, visible_, c.id);
      if (case_events) {
        count_denied_access(p, c, *case_events);
        for (auto& e : *case_events) {
          const auto& ev = std::get<Event>(e.body);
          bool theirs = ev.persons.empty() || names(ev.persons, p.person.id);
          bool seen = std::any_of(events.begin(), events.end(),
                                  [&](const Record& x) { return x.id == e.id; });
          if (theirs && !seen) events.push_back(std::move(e));
        }
      }
      p.cases.push_back(std::move(c));
    }
    facts_of(p, events);
    p.facility = facility_of(p);
    if (auto f = store_.get(p.facility); f && visible_(p.facility) && f->kind() == "facility")
      if (auto shown = public_view(*f, visible_)) p.facility_name = shown->label();
    p.score = monitor::score(p.facts, options_.weights);
    return p;
  }

 private:
  void count_denied_access(Prisoner& p, const Record& c, const std::vector<Record>& events) {
    auto clocks = public_clocks(store_, visible_, c, events, options_.now);
    if (!clocks) return;
    for (const auto& clock : *clocks)
      if (clock.rule && in(kAccessClocks, clock.rule->clock) &&
          (clock.person.empty() || clock.person == p.person.id) &&
          clock.state == monitor::ClockState::kViolated)
        ++p.facts.access_denials;
  }

  void facts_of(Prisoner& p, const std::vector<Record>& events) {
    auto& f = p.facts;
    const auto& who = std::get<Person>(p.person.body);
    f.ill = !who.health.empty();
    std::optional<PartialDate> custody, verdict;
    for (const auto& r : events) {
      const auto& e = std::get<Event>(r.body);
      if (e.type == "health_incident" || e.type == "hunger_strike") f.ill = true;
      if (e.type == "lawyer_meeting_denied") ++f.access_denials;
      if (in(kCustody, e.type) && (!custody || e.date < *custody)) custody = e.date;
    }
    for (const auto& r : events) {
      const auto& e = std::get<Event>(r.body);
      if (e.type == "verdict" && custody && e.date.earliest() >= custody->earliest() &&
          (!verdict || e.date < *verdict))
        verdict = e.date;
    }
    // Counted from the latest day the custody may have begun: never more than it was.
    if (custody && custody->latest() <= today_) {
      f.untried = !verdict;
      f.days_held_untried =
          std::max(0, days_between(custody->latest(), verdict ? verdict->earliest() : today_));
    }
    for (const auto& c : p.cases) {
      const auto& s = std::get<Case>(c.body).sentence;
      if (s.type == "life" || s.type == "death" || s.type == "death_suspended")
        f.life_or_death = true;
      f.sentence_years = std::max(f.sentence_years, s.years + s.months / 12.0);
    }
    if (who.born && who.born->latest() <= today_) {
      std::chrono::year_month_day born{who.born->latest()}, now{today_};
      int age = int(now.year()) - int(born.year());
      if (std::chrono::month_day(now.month(), now.day()) <
          std::chrono::month_day(born.month(), born.day()))
        --age;
      f.age = age;
    }
    f.days_to_opportunity = next_opportunity(p);
  }

  // Days to the nearest opportunity to come that the person or one of their cases is linked to.
  std::optional<int> next_opportunity(const Prisoner& p) {
    std::optional<int> best;
    auto consider = [&](const Record& r) {
      for (const auto& link : r.links) {
        if (link.type != "raised_in") continue;
        auto target = store_.get(link.target);
        if (!target || target->kind() != "event" || !visible_(link.target)) continue;
        const auto& e = std::get<Event>(target->body);
        if (!vocab::contains(vocab::opportunity_types(), e.type)) continue;
        int days = days_between(today_, e.date.earliest());
        if (days >= 0 && (!best || days < *best)) best = days;
      }
    };
    consider(p.person);
    for (const auto& c : p.cases) consider(c);
    return best;
  }

  // Where they are held: the detained_at link with the latest start, else a case's facility.
  std::string facility_of(const Prisoner& p) {
    const Link* latest = nullptr;
    for (const auto& link : p.person.links)
      if (link.type == "detained_at" && !link.to &&
          (!latest || (link.from && (!latest->from || *latest->from < *link.from))))
        latest = &link;
    if (latest) return latest->target;
    for (const auto& c : p.cases)
      for (const auto& f : std::get<Case>(c.body).facilities) return f;
    return "";
  }

  store::Store& store_;
  const IsPublic& visible_;
  const PrisonerOptions& options_;
  sys_days today_;
};

void by_priority(std::vector<Prisoner>& list) {
  std::stable_sort(list.begin(), list.end(), [](const Prisoner& a, const Prisoner& b) {
    return a.score.total > b.score.total;
  });
}

}  // namespace

Result<std::vector<Prisoner>> detained_persons(store::Store& store, const IsPublic& visible,
                                               const PrisonerOptions& options) {
  std::vector<Prisoner> out;
  Gatherer gather(store, visible, options);
  for (auto status : kHeld) {
    JZ_RETURN_IF_ERROR(store::each_public(
        store, visible, {.kind = "person", .filters = {{"status", std::string(status)}}},
        [&](Record person) {
          out.push_back(gather.prisoner(std::move(person)));
          return Status::ok();
        }));
  }
  by_priority(out);
  return out;
}

Result<std::vector<Record>> opportunities(store::Store& store, const IsPublic& visible,
                                          monitor::Minutes now) {
  std::vector<Record> coming, past;
  auto today = monitor::day_of(now);
  for (auto type : vocab::opportunity_types())
    JZ_RETURN_IF_ERROR(store::each_public(
        store, visible, {.kind = "event", .filters = {{"type", std::string(type)}}}, [&](Record r) {
          auto& list = std::get<Event>(r.body).date.latest() >= today ? coming : past;
          list.push_back(std::move(r));
          return Status::ok();
        }));
  auto date = [](const Record& r) { return std::get<Event>(r.body).date; };
  std::sort(coming.begin(), coming.end(),
            [&](const Record& a, const Record& b) { return date(a) < date(b); });
  std::sort(past.begin(), past.end(),
            [&](const Record& a, const Record& b) { return date(b) < date(a); });
  for (auto& r : past) coming.push_back(std::move(r));
  return coming;
}

Result<PrisonerList> prisoner_list(store::Store& store, const IsPublic& visible,
                                   std::string_view opportunity_id, const PrisonerOptions& options,
                                   std::size_t suggest) {
  auto detained = detained_persons(store, visible, options);
  if (!detained) return detained.status();
  return prisoner_list(store, visible, opportunity_id, *detained, suggest);
}

Result<PrisonerList> prisoner_list(store::Store& store, const IsPublic& visible,
                                   std::string_view opportunity_id,
                                   const std::vector<Prisoner>& detained, std::size_t suggest) {
  auto stored = store.get(opportunity_id);
  std::optional<Record> shown;
  if (stored) shown = public_view(*stored, visible);
  if (!shown || shown->kind() != "event" ||
      !vocab::contains(vocab::opportunity_types(), std::get<Event>(shown->body).type))
    return Status::not_found(std::string(opportunity_id) +
                             " is not a public opportunity (an event whose type is " +
                             vocab::describe(vocab::opportunity_types()) + ")");
  // Who is linked to it: persons directly, and the persons of linked cases.
  std::set<std::string> linked;
  auto raised_here = [&](const Record& r) {
    return std::any_of(r.links.begin(), r.links.end(), [&](const Link& l) {
      return l.type == "raised_in" && l.target == opportunity_id;
    });
  };
  for (const auto& p : referring(store, visible, opportunity_id, 'p'))
    if (raised_here(p)) linked.insert(p.id);
  for (const auto& c : referring(store, visible, opportunity_id, 'c'))
    if (raised_here(c))
      for (const auto& id : std::get<Case>(c.body).persons) linked.insert(id);
  PrisonerList list{.opportunity = std::move(*shown)};
  for (const auto& p : detained)
    if (linked.count(p.person.id)) {
      list.prisoners.push_back(p);
      list.prisoners.back().chosen = true;
    }
  if (list.prisoners.empty()) {
    list.suggested = true;
    for (const auto& p : detained) {
      if (list.prisoners.size() >= suggest) break;
      list.prisoners.push_back(p);
    }
  }
  return list;
}

}  // namespace jz::publish
