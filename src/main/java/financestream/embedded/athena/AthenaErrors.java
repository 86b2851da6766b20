package financestream.embedded.athena;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;

/** Athena's modeled client error, as the service sends it (HTTP 400). */
final class AthenaErrors {

    private AthenaErrors() {
    }

    static InvalidRequestException invalidRequest(String message) {
        return InvalidRequestException.builder().message(message).statusCode(400)
                .athenaErrorCode("INVALID_INPUT")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidRequestException").errorMessage(message)
                        .serviceName("Athena").sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).build())
                        .build())
                .build();
    }
}
