package financestream.infra;

/**
 * A CloudFormation intrinsic function call as written in the template, short form ({@code !Ref X}) or long form
 * ({@code {Ref: X}}): the function without its {@code Fn::} prefix and its argument (a String, List or Map).
 */
record Intrinsic(String function, Object argument) {
}
