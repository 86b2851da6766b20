package financestream.crawl;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

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
 * started after our data landed, so we then start one more run). Polls GetCrawler until the run we started is
 * over and fails with Glue's own reason when the crawl did not succeed.
 * <p>
 * "Over" means READY <em>and</em> a run newer than the one before our StartCrawler: right after StartCrawler,
 * GetCrawler may still show READY with the previous run's result, which must not pass for ours.
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
        Instant previousRun = lastRunStart(crawler(crawlerName));
        while (!start(crawlerName)) {
            LOG.info("Crawler {} is already running: waiting for that run, then crawling again", crawlerName);
            previousRun = lastRunStart(awaitRunAfter(crawlerName, previousRun, false, deadline));
        }
        Crawler crawler = awaitRunAfter(crawlerName, previousRun, true, deadline);
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

    /**
     * Polls until the crawler is READY after a run other than {@code previousRun}. A run counts once its start
     * time differs from the previous run's or once it was seen running (a run we saw may record the same start
     * time only if Glue reports none at all).
     *
     * @param ourRun whether we started the awaited run (else we wait out someone else's, which may have ended)
     */
    private Crawler awaitRunAfter(String crawlerName, Instant previousRun, boolean ourRun, Instant deadline)
            throws InterruptedException {
        boolean seenRunning = false;
        while (true) {
            Crawler crawler = crawler(crawlerName);
            if (crawler.state() != CrawlerState.READY) {
                seenRunning = true;
            } else if (seenRunning || !ourRun || !Objects.equals(lastRunStart(crawler), previousRun)) {
                return crawler;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new GlueCrawlFailedException("Glue crawler " + crawlerName + " still " + crawler.state()
                        + (crawler.state() == CrawlerState.READY ? " without a new run" : "")
                        + " after " + timeout.toSeconds() + " s (glue.timeout-seconds)");
            }
            // Glue offers no completion callback; polling GetCrawler is what the console does too.
            Thread.sleep(pollInterval.toMillis());
        }
    }

    private Crawler crawler(String crawlerName) {
        return glue.getCrawler(b -> b.name(crawlerName)).crawler();
    }

    private static Instant lastRunStart(Crawler crawler) {
        return crawler.lastCrawl() == null ? null : crawler.lastCrawl().startTime();
    }

    /** A crawl that failed, was cancelled or timed out. */
    public static class GlueCrawlFailedException extends RuntimeException {
        public GlueCrawlFailedException(String message) {
            super(message);
        }
    }
}
