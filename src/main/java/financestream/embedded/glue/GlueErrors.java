package financestream.embedded.glue;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.glue.model.CrawlerRunningException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.InvalidInputException;

/** The SDK's modeled Glue exceptions, filled in as the service would send them (HTTP 400, error code). */
final class GlueErrors {

    private GlueErrors() {
    }

    static EntityNotFoundException entityNotFound(String message) {
        return EntityNotFoundException.builder().message(message).statusCode(400)
                .awsErrorDetails(details("EntityNotFoundException", message)).build();
    }

    static CrawlerRunningException crawlerRunning(String message) {
        return CrawlerRunningException.builder().message(message).statusCode(400)
                .awsErrorDetails(details("CrawlerRunningException", message)).build();
    }

    static InvalidInputException invalidInput(String message) {
        return InvalidInputException.builder().message(message).statusCode(400)
                .awsErrorDetails(details("InvalidInputException", message)).build();
    }

    private static AwsErrorDetails details(String code, String message) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("Glue")
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).build()).build();
    }
}
