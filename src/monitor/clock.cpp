#include "monitor/clock.hpp"

#include <algorithm>

namespace jz::monitor {
namespace {

using std::chrono::sys_days;

bool one_of(const std::vector<std::string>& types, const std::string& type) {
  return std::find(types.begin(), types.end(), type) != types.end();
}

bool has_flag(const Step& s, std::string_view flag) {
  const auto& flags = s.event->flags;
  return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

bool starts(const Rule& rule, const Step& s) {
  if (!one_of(rule.from, s.event->type)) return false;
  if (rule.requires_flag.empty() || has_flag(s, rule.requires_flag)) return true;
  return rule.requires_flag == "designated_location" &&
         s.facility_type == "residential_surveillance_location";
}

// How a step that ends at some moment in [end_lo, end_hi) stands against `limit` counted
// from `start`: met only if every moment it may mean is within, violated only if none is.
struct Judgement {
  ClockState state = ClockState::kUnknown;
  Minutes deadline_lo = 0;
  Minutes deadline_hi = 0;
  std::int64_t over_lo = 0;  // minutes (hours limits) or days past the limit
  std::int64_t over_hi = 0;
};

Judgement judge(const Step& start, Minutes end_lo, Minutes end_hi, Duration limit) {
  Judgement j{.deadline_lo = deadline(start.lo, limit),
              .deadline_hi = deadline(start.hi - 1, limit)};
  j.state = end_hi <= j.deadline_lo   ? ClockState::kMet
            : end_lo >= j.deadline_hi ? ClockState::kViolated
                                      : ClockState::kUnknown;
  if (limit.unit == Unit::kHours) {
    j.over_lo = std::max<Minutes>(0, end_lo - j.deadline_hi);
    j.over_hi = end_hi - 1 - j.deadline_lo;
  } else {
    // A limit in days is kept through its last day; each day after it is a day over.
    auto last_lo = day_of(j.deadline_lo - 1), last_hi = day_of(j.deadline_hi - 1);
    j.over_lo = std::max<std::int64_t>(0, (day_of(end_lo) - last_hi).count());
    j.over_hi = (day_of(end_hi - 1) - last_lo).count();
  }
  return j;
}

void take(Clock& c, const Judgement& j, Duration applied) {
  c.state = j.state;
  c.deadline_lo = j.deadline_lo;
  c.deadline_hi = j.deadline_hi;
  c.applied = applied;
  c.amount_lo = j.over_lo;
  c.amount_hi = j.over_hi;
  c.in_days = applied.unit != Unit::kHours;
}

// Time left on a running clock, from the earliest and latest deadline.
void time_left(Clock& c, Minutes now) {
  c.state = ClockState::kRunning;
  if (c.in_days) {
    auto today = day_of(now);
    c.amount_lo = (day_of(c.deadline_lo - 1) - today).count();
    c.amount_hi = (day_of(c.deadline_hi - 1) - today).count();
  } else {
    c.amount_lo = c.deadline_lo - now;
    c.amount_hi = c.deadline_hi - now;
  }
}

class CaseClocks {
 public:
  CaseClocks(const Law& law, const CaseFacts& facts, Minutes now)
      : law_(law), facts_(facts), now_(now) {}

  std::vector<Clock> run() {
    std::vector<std::pair<Minutes, Clock>> out;
    for (const auto& [person, steps] : facts_.streams) {
      for (std::size_t i = 0; i < steps.size(); ++i) {
        for (const auto& basis : law_.no_legal_basis)
          if ((!basis.facility_type.empty() && basis.facility_type == steps[i].facility_type) ||
              basis.event_type == steps[i].event->type)
            out.emplace_back(steps[i].lo, without_basis(basis, person, steps, i));
        // The version of the law is the one in force when the clock starts. A start that may
        // fall under two versions is counted once, under the earlier, as unknown.
        const LawVersion* first = law_.version_on(day_of(steps[i].lo));
        const LawVersion* last = law_.version_on(day_of(steps[i].hi - 1));
        const LawVersion* version = first ? first : last;
        bool straddles = first != last;
        for (const auto& rule : law_.rules) {
          if (!version || version->version != rule.version || !starts(rule, steps[i])) continue;
          // A hearing is checked only where the record says it was closed.
          if (rule.kind == Rule::Kind::kPublicHearing && !has_flag(steps[i], rule.flag)) continue;
          Clock c = rule.kind == Rule::Kind::kPublicHearing ? hearing(rule, steps[i])
                                                            : deadline(rule, steps, i, straddles);
          c.person = person;
          out.emplace_back(steps[i].lo, std::move(c));
        }
      }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Clock> clocks;
    for (auto& [at, c] : out) clocks.push_back(std::move(c));
    return clocks;
  }

 private:
  // The first step of `types` after the start and before the clock's next start.
  const Step* first_of(const std::vector<std::string>& types, const Rule& rule,
                       const std::vector<Step>& steps, std::size_t i, bool bounded) const {
    for (std::size_t k = 0; k < steps.size(); ++k) {
      if (k == i || steps[k].lo < steps[i].lo) continue;
      if (bounded && k > i && starts(rule, steps[k]) && steps[k].lo > steps[i].lo) break;
      if (one_of(types, steps[k].event->type)) return &steps[k];
    }
    return nullptr;
  }

  Clock hearing(const Rule& rule, const Step& s) const {
    Clock c{.rule = &rule, .start = s.id, .state = ClockState::kViolated};
    for (const auto& ex : rule.exceptions)
      if (is_flag_ground(ex.ground) && has_flag(s, ex.ground)) {
        c.state = ClockState::kMet;
        c.reason = Reason::kException;
        c.exception = &ex;
      }
    return c;
  }

  Clock deadline(const Rule& rule, const std::vector<Step>& steps, std::size_t i,
                 bool straddles) const {
    const Step& s = steps[i];
    Clock c{.rule = &rule, .start = s.id, .applied = rule.limit};
    if (straddles) {
      c.reason = Reason::kLawVersion;
      return c;
    }
    const Step* to = first_of(rule.to, rule, steps, i, true);
    const Step* stop = first_of(rule.stopped_by, rule, steps, i, true);
    const Step* ends = to && (!stop || to->lo <= stop->lo) ? to : stop;
    bool vague = s.vague;
    if (ends) {
      c.end = ends->id;
      vague |= ends->vague;
      take(c, judge(s, ends->lo, ends->hi, rule.limit), rule.limit);
      if (ends == stop && c.state == ClockState::kMet) c.reason = Reason::kStopped;
    } else if (const Step* implied = first_of(rule.implied_by, rule, steps, i, false)) {
      take(c, judge(s, implied->lo, implied->hi, rule.limit), rule.limit);
      if (c.state == ClockState::kMet && !implied->vague) {
        c.end = implied->id;
        c.reason = Reason::kImplied;
      } else {
        c.state = ClockState::kUnknown;
        c.reason = Reason::kDateMissing;
      }
      return c;
    } else if (std::any_of(steps.begin() + i + 1, steps.end(), [&](const Step& k) {
                 return k.lo >= s.hi && law_.stage_of(k.event->type) > law_.stage_of(s.event->type);
               })) {
      // The case is recorded at a later stage but not this step: it may have come, undated.
      take(c, judge(s, now_, now_ + 1, rule.limit), rule.limit);
      c.state = ClockState::kUnknown;
      c.reason = Reason::kDateMissing;
      return c;
    } else {
      take(c, judge(s, now_, now_ + 1, rule.limit), rule.limit);
      if (c.state == ClockState::kMet) {
        time_left(c, now_);
        if (vague) c.reason = Reason::kImprecise;
        return c;
      }
      c.reason = Reason::kOngoing;
      ends = nullptr;
    }
    if (c.state != ClockState::kMet) extend(c, rule, steps, s, ends);
    if (c.state != ClockState::kMet) except(c, rule, s, ends);
    if (c.state == ClockState::kViolated && rule.holiday_extends && c.in_days && c.amount_lo <= 7) {
      c.state = ClockState::kUnknown;
      c.reason = Reason::kHoliday;
    }
    if (rule.binds_defence && c.state == ClockState::kViolated) c.state = ClockState::kLapsed;
    if (vague && c.state != ClockState::kUnknown) c.state = ClockState::kUnknown;
    if (c.state == ClockState::kUnknown && (vague || c.reason == Reason::kNone))
      c.reason = Reason::kImprecise;
    return c;
  }

  // Over the rule's limit: judged again against its longest extension with a ceiling.
  // Within it, the clock is met only if an extension is recorded; beyond it, violated
  // unless the law allows more by approval without a ceiling.
  void extend(Clock& c, const Rule& rule, const std::vector<Step>& steps, const Step& s,
              const Step* ends) const {
    if (rule.extensions.empty()) return;
    const Duration* ceiling = nullptr;
    for (const auto& e : rule.extensions)
      if (e.limit) ceiling = &*e.limit;
    bool unbounded = !rule.extensions.back().limit;
    bool recorded = std::any_of(steps.begin(), steps.end(), [&](const Step& k) {
      return one_of(rule.extended_by, k.event->type) && k.lo >= s.lo && (!ends || k.lo <= ends->lo);
    });
    auto needs_extension = [&] {
      c.state = ClockState::kUnknown;
      c.reason = Reason::kNeedsExtension;
    };
    if (!ceiling) return needs_extension();
    Judgement j =
        ends ? judge(s, ends->lo, ends->hi, *ceiling) : judge(s, now_, now_ + 1, *ceiling);
    if (j.state == ClockState::kMet) {
      if (!recorded) return needs_extension();
      c.state = ClockState::kMet;
      c.reason = Reason::kExtended;
    } else if (j.state == ClockState::kViolated && !unbounded) {
      Reason reason = c.reason;
      take(c, j, *ceiling);
      c.reason = reason;
    } else {
      needs_extension();
    }
  }

  // Over the limit in a case the rule's exception covers: unknown, not violated. Grounds the
  // record cannot show ("unless notification was impossible") stay beside the violation.
  void except(Clock& c, const Rule& rule, const Step& s, const Step* ends) const {
    for (const auto& ex : rule.exceptions) {
      bool applies = (ex.ground == "state_security" && facts_.state_security) ||
                     (ex.ground == "terrorism" && facts_.terrorism) ||
                     (is_flag_ground(ex.ground) &&
                      (has_flag(s, ex.ground) || (ends && has_flag(*ends, ex.ground))));
      if (applies) {
        c.state = ClockState::kUnknown;
        c.reason = Reason::kException;
        c.exception = &ex;
        c.caveats.clear();
        return;
      }
      if (!is_case_ground(ex.ground) && !is_flag_ground(ex.ground)) c.caveats.push_back(&ex);
    }
  }

  Clock without_basis(const NoLegalBasis& basis, const std::string& person,
                      const std::vector<Step>& steps, std::size_t i) const {
    const Step& s = steps[i];
    Clock c{
        .no_basis = &basis, .person = person, .start = s.id, .state = ClockState::kNoLegalBasis};
    Minutes end_lo = now_, end_hi = now_ + 1;
    for (std::size_t k = i + 1; k < steps.size(); ++k)
      if (steps[k].event->type == "release" || steps[k].event->type == "death_in_custody") {
        c.end = steps[k].id;
        end_lo = steps[k].lo;
        end_hi = steps[k].hi;
        break;
      }
    if (c.end.empty()) c.reason = Reason::kOngoing;
    // Days held: at least from the latest start to the earliest end, at most the widest. A
    // start with no earliest day ("by 2011") gives only the least.
    c.amount_lo = std::max<std::int64_t>(0, (day_of(end_lo) - day_of(s.hi - 1)).count());
    c.amount_hi = (day_of(end_hi - 1) - day_of(s.lo)).count();
    if (s.vague) {
      c.amount_hi = c.amount_lo;
      c.reason = Reason::kImprecise;
    }
    return c;
  }

  const Law& law_;
  const CaseFacts& facts_;
  Minutes now_;
};

}  // namespace

std::string_view state_name(ClockState state) {
  switch (state) {
    case ClockState::kMet:
      return "met";
    case ClockState::kViolated:
      return "violated";
    case ClockState::kRunning:
      return "running";
    case ClockState::kUnknown:
      return "unknown";
    case ClockState::kNoLegalBasis:
      return "no_legal_basis";
    case ClockState::kLapsed:
      return "lapsed";
  }
  return "unknown";
}

std::string_view reason_name(Reason reason) {
  switch (reason) {
    case Reason::kNone:
      return "";
    case Reason::kDateMissing:
      return "date_missing";
    case Reason::kImprecise:
      return "imprecise";
    case Reason::kNeedsExtension:
      return "needs_extension";
    case Reason::kExtended:
      return "extended";
    case Reason::kException:
      return "exception";
    case Reason::kLawVersion:
      return "law_version";
    case Reason::kStopped:
      return "stopped";
    case Reason::kImplied:
      return "implied";
    case Reason::kOngoing:
      return "ongoing";
    case Reason::kHoliday:
      return "holiday";
  }
  return "";
}

Amount amount_of(const Clock& clock) {
  if (clock.in_days) return {clock.amount_lo, clock.amount_hi, true};
  return {std::max<std::int64_t>(0, clock.amount_lo) / 60, (clock.amount_hi + 59) / 60, false};
}

std::vector<Clock> compute_clocks(const Law& law, const CaseFacts& facts, Minutes now) {
  return CaseClocks(law, facts, now).run();
}

}  // namespace jz::monitor
