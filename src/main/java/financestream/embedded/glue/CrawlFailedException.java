package financestream.embedded.glue;

/** Ends a crawl as FAILED; the message becomes the crawler's lastCrawl errorMessage. */
final class CrawlFailedException extends Exception {
    CrawlFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
