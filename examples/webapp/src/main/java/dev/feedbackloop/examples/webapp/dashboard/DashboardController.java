package dev.feedbackloop.examples.webapp.dashboard;

import dev.feedbackloop.examples.charts.Charts;
import dev.feedbackloop.examples.webapp.programme.FeedbackProgramme;
import dev.feedbackloop.scoring.Period;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboard page, by week or month and by a segment attribute, and the charts' style sheet. */
@Controller
class DashboardController {

    private final Dashboard dashboard;

    DashboardController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(defaultValue = "week") String period,
                     @RequestParam(defaultValue = "tier") String segment, Model model) {
        Period by = period.equals("month") ? Period.MONTH : Period.WEEK;
        String attribute = FeedbackProgramme.SEGMENTS.contains(segment) ? segment : FeedbackProgramme.TIER;
        model.addAttribute("view", dashboard.view(by, attribute));
        model.addAttribute("period", by == Period.MONTH ? "month" : "week");
        model.addAttribute("segment", attribute);
        model.addAttribute("segments", FeedbackProgramme.SEGMENTS);
        return "agent/dashboard";
    }

    @GetMapping(value = "/charts.css")
    ResponseEntity<String> chartsCss() {
        return ResponseEntity.ok().contentType(MediaType.valueOf("text/css;charset=UTF-8")).body(Charts.css());
    }
}
