package financestream.pipeline;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerRunningException;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.LastCrawlInfo;
import software.amazon.awssdk.services.glue.model.LastCrawlStatus;

/**
 * Runs a Glue crawler and waits for it: there is no Camel component for Glue, so the crawl route calls this bean.
 * <p>
 * Starts the crawler; if it is already running, waits for that run instead (its result covers our data only if it
 * started after our data landed, so we then start one more run). Polls GetCrawler until READY and fails with
 * Glue's own reason when the crawl did not succeed.
 */
public class GlueCrawl {

    private static final Logger LOG = LoggerFactory.getLogger(GlueCrawl.class);

    private final GlueClient glue;
    private final Duration pollInterval;
    private final Duration timeout;

    public GlueCrawl(GlueClient glue, Duration pollInterval, Duration timeout) {
        this.glue = glue;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    /** Crawls and returns a one-line summary of the successful crawl; throws with Glue's reason otherwise. */
    public String run(String crawlerName) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        if (!start(crawlerName)) {
            LOG.info("Crawler {} is already running: waiting for that run, then crawling again", crawlerName);
            awaitReady(crawlerName, deadline);
            while (!start(crawlerName)) {
                awaitReady(crawlerName, deadline);
            }
        }
        Crawler crawler = awaitReady(crawlerName, deadline);
        LastCrawlInfo last = crawler.lastCrawl();
        if (last == null || last.status() != LastCrawlStatus.SUCCEEDED) {
            String status = last == null ? "no crawl recorded" : String.valueOf(last.status());
            String reason = last == null || last.errorMessage() == null ? "" : ": " + last.errorMessage();
            throw new GlueCrawlFailedException("Glue crawler " + crawlerName + " did not succeed (" + status + ")" + reason);
        }
        return "crawler " + crawlerName + " " + last.status();
    }

    private boolean start(String crawlerName) {
        try {
            glue.startCrawler(b -> b.name(crawlerName));
            LOG.info("Started Glue crawler {}", crawlerName);
            return true;
        } catch (CrawlerRunningException e) {
            return false;
        }
    }

    private Crawler awaitReady(String crawlerName, Instant deadline) throws InterruptedException {
        while (true) {
            Crawler crawler = glue.getCrawler(b -> b.name(crawlerName)).crawler();
            if (crawler.state() == CrawlerState.READY) {
                return crawler;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new GlueCrawlFailedException("Glue crawler " + crawlerName + " still " + crawler.state()
                        + " after " + timeout.toSeconds() + " s (glue.timeout-seconds)");
            }
            // Glue offers no completion callback; polling GetCrawler is what the console does too.
            Thread.sleep(pollInterval.toMillis());
        }
    }

    /** A crawl that failed, was cancelled or timed out. */
    public static class GlueCrawlFailedException extends RuntimeException {
        public GlueCrawlFailedException(String message) {
            super(message);
        }
    }
}
