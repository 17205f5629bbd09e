using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace CxBridge.Web.Api;

/// <summary>
/// Problem details (RFC 7807) as typed results: written as <c>application/problem+json</c> (the framework's
/// <c>NotFound&lt;ProblemDetails&gt;</c> writes plain <c>application/json</c>), and described to OpenAPI with their status
/// by their own type, so a <c>Results&lt;Ok&lt;T&gt;, NotFoundProblem, UnprocessableProblem&gt;</c> documents every answer.
/// </summary>
public abstract class ProblemResult : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>
{
    private protected ProblemResult(ProblemDetails problem, int status)
    {
        problem.Status = status;
        Value = problem;
    }

    public ProblemDetails Value { get; }

    object? IValueHttpResult.Value => Value;

    public int? StatusCode => Value.Status;

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Problem(Value).ExecuteAsync(httpContext);

    private protected static void Describe(EndpointBuilder builder, int status, Type type) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, type, ["application/problem+json"]));
}

/// <summary>404 with problem details.</summary>
public sealed class NotFoundProblem(string title, string detail)
    : ProblemResult(new ProblemDetails { Title = title, Detail = detail }, StatusCodes.Status404NotFound), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status404NotFound, typeof(ProblemDetails));
}

/// <summary>409 with problem details.</summary>
public sealed class ConflictProblem(string title, string detail)
    : ProblemResult(new ProblemDetails { Title = title, Detail = detail }, StatusCodes.Status409Conflict), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status409Conflict, typeof(ProblemDetails));
}

/// <summary>422 with validation problem details: <c>errors</c> by field, every message naming the value and what was expected; <c>detail</c> joins them.</summary>
public sealed class UnprocessableProblem(string title, IReadOnlyDictionary<string, string[]> errors)
    : ProblemResult(new HttpValidationProblemDetails(errors.ToDictionary()) { Title = title, Detail = string.Join("; ", errors.Values.SelectMany(e => e)) },
        StatusCodes.Status422UnprocessableEntity), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Describe(builder, StatusCodes.Status422UnprocessableEntity, typeof(HttpValidationProblemDetails));
}
