package com.contractledger.command.web;

import com.contractledger.shared.ProblemType;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The page every problem's {@code type} links to ({@link ProblemType#PAGE}): docs/rules.md, copied into the jar at
 * build time. Public, like the API description: it says what the rules are, nothing about anyone's data.
 */
@Hidden
@RestController
class RulesPage {

    static final String RESOURCE = "docs/rules.md";
    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");

    private final byte[] page;

    RulesPage() {
        try (InputStream in = RulesPage.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path; the build copies it from docs/");
            }
            page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @GetMapping(ProblemType.PAGE)
    ResponseEntity<byte[]> rules() {
        return ResponseEntity.ok().contentType(MARKDOWN).body(page);
    }
}
