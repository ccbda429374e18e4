package com.contractledger.query.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.List;

/**
 * The console's pages (static files under {@code static/console}) and who is signed in. What the user may read is asked
 * of the API's own rules, so that the console hides what the API would refuse.
 */
@Controller
class ConsoleController {

    static final String SESSION = "/console/session";
    static final String CONFIG = "/console/config";

    private final WebInvocationPrivilegeEvaluator privileges;
    private final ConsoleSignIn signIn;

    ConsoleController(WebInvocationPrivilegeEvaluator privileges, ConsoleSignIn signIn) {
        this.privileges = privileges;
        this.signIn = signIn;
    }

    record SignedIn(String user, List<String> roles, boolean history, boolean audit, boolean administration) {
    }

    @GetMapping("/console")
    String console() {
        return "redirect:/console/";
    }

    @GetMapping("/console/")
    String index() {
        return "forward:/console/index.html";
    }

    @GetMapping(ConsoleSecurity.LOGIN)
    String login() {
        return "forward:/console/login.html";
    }

    /** How the page signs in: by form, or through the identity provider at these endpoints. */
    @GetMapping(CONFIG)
    ResponseEntity<?> config() {
        try {
            return ResponseEntity.ok(signIn.mode());
        } catch (ConsoleSignIn.ProviderUnavailable e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
            problem.setTitle("Identity provider unavailable");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER,
                    Long.toString(ConsoleSignIn.RETRY_AFTER.toSeconds()))
                    .body(problem);
        }
    }

    @GetMapping(SESSION)
    @ResponseBody
    SignedIn session(Authentication user, HttpServletRequest request) {
        List<String> roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(role -> role.replaceFirst("^ROLE_", "")).sorted().toList();
        return new SignedIn(user.getName(), roles, may("/api/contracts/any/history", user, request),
                may("/api/audit/export", user, request), may("/api/admin/projections", user, request));
    }

    private boolean may(String path, Authentication user, HttpServletRequest request) {
        return privileges.isAllowed(request.getContextPath(), path, "GET", user);
    }
}
