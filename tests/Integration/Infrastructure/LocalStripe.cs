using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Web;

namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>
/// A stand-in for Stripe's API on a loopback port, for Stripe.net to talk to (its <c>ApiBase</c> pointed here): it
/// records every request (method, path, form fields or query, headers) for the test to assert, and answers the
/// creates and the invoice list the product asks for the way Stripe does (and refuses a Checkout for the price <c>price_archived</c>, as Stripe refuses an unknown price).
/// </summary>
public sealed class LocalStripe : IDisposable
{
    private readonly HttpListener _listener = new();
    private int _created;

    public LocalStripe()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add($"{BaseUrl}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    /// <summary>Points <paramref name="app"/>'s Stripe.net here, with a test key and each plan's price.</summary>
    public void Serve(NucleusApp app, params (string Plan, string Price)[] prices)
    {
        app.Settings["Billing:Stripe:ApiKey"] = "sk_test_local_only";
        app.Settings["Billing:Stripe:ApiBase"] = BaseUrl;
        foreach (var (plan, price) in prices)
        {
            app.Settings[$"Billing:Stripe:Prices:{plan}"] = price;
        }
    }

    public ConcurrentQueue<Received> Requests { get; } = new();

    public sealed record Received(string Method, string Path, IReadOnlyDictionary<string, string> Form, string? IdempotencyKey, string? Authorization);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            // A create's fields are its form body; a list's or a cancellation's are its query string.
            var method = context.Request.HttpMethod;
            var parsed = HttpUtility.ParseQueryString(method is "GET" or "DELETE" ? context.Request.Url!.Query : await reader.ReadToEndAsync());
            var form = parsed.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => parsed[k]!, StringComparer.Ordinal);
            var path = context.Request.Url!.AbsolutePath;
            Requests.Enqueue(new Received(method, path, form, context.Request.Headers["Idempotency-Key"], context.Request.Headers["Authorization"]));
            var n = Interlocked.Increment(ref _created);
            var (status, body) = (path, form.GetValueOrDefault("line_items[0][price]")) switch
            {
                _ when method == "DELETE" && path.StartsWith("/v1/subscriptions/", StringComparison.Ordinal) =>
                    (200, $$"""{"id":"{{path["/v1/subscriptions/".Length..]}}","object":"subscription","status":"canceled"}"""),
                ("/v1/checkout/sessions", "price_archived") => (400, """{"error":{"type":"invalid_request_error","code":"resource_missing","message":"No such price: 'price_archived'","param":"line_items[0][price]"}}"""),
                ("/v1/customers", _) => (200, $$"""{"id":"cus_local_{{n}}","object":"customer","metadata":{"source":"local"} }"""),
                ("/v1/checkout/sessions", _) => (200, $$"""{"id":"cs_test_{{n}}","object":"checkout.session","mode":"subscription","url":"https://checkout.stripe.com/c/pay/cs_test_{{n}}"}"""),
                ("/v1/subscriptions", _) => (200, $$"""{"id":"sub_local_{{n}}","object":"subscription","status":"active","collection_method":"{{form.GetValueOrDefault("collection_method")}}","customer":"{{form.GetValueOrDefault("customer")}}"}"""),
                ("/v1/invoices", _) => (200, $$"""
                    {"object":"list","url":"/v1/invoices","has_more":false,"data":[
                      {"id":"in_local_2","object":"invoice","number":"NC-0002","status":"open","amount_due":1250000,"amount_paid":0,"currency":"krw","created":1767225600,"due_date":1769817600,"hosted_invoice_url":"https://invoice.stripe.com/i/local/2","customer":"{{form.GetValueOrDefault("customer")}}"},
                      {"id":"in_local_1","object":"invoice","number":"NC-0001","status":"paid","amount_due":120000,"amount_paid":120000,"currency":"usd","created":1764547200,"due_date":1767139200,"hosted_invoice_url":"https://invoice.stripe.com/i/local/1","customer":"{{form.GetValueOrDefault("customer")}}"}]}
                    """),
                ("/v1/billing_portal/sessions", _) => (200, $$"""{"id":"bps_{{n}}","object":"billing_portal.session","url":"https://billing.stripe.com/p/session/test_{{n}}"}"""),
                _ => (404, """{"error":{"type":"invalid_request_error","message":"Unrecognized request URL."}}"""),
            };
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.Headers["Request-Id"] = $"req_local_{n}";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose() => _listener.Close();
}
