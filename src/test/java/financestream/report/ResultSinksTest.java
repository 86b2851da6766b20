package financestream.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultSinksTest {

    @Test
    void runsTheFilesBeforeTheEmailWhateverTheOrderInTheSetting() {
        assertThat(new ResultSinks(" Email, html ,LOG,csv,html", "a@example.org").endpoints())
                .containsExactly("direct:results-log", "direct:results-csv", "direct:results-html",
                        "direct:results-email");
    }

    @Test
    void namesTheUnknownSinkAndTheChoices() {
        assertThatThrownBy(() -> new ResultSinks("log,pdf", ""))
                .hasMessage("results.sinks names an unknown sink 'pdf': choose from log, csv, html, email");
    }

    @Test
    void refusesEmailWithoutRecipients() {
        assertThatThrownBy(() -> new ResultSinks("csv,email", " "))
                .hasMessageContaining("results.sinks includes email but email.to is empty");
    }

    @Test
    void refusesToSendTheAnswerNowhere() {
        assertThatThrownBy(() -> new ResultSinks(" , ", null)).hasMessageContaining("results.sinks is empty");
    }
}
