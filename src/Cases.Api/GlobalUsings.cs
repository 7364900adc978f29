// What every endpoint file needs: the domain, the HTTP and Marten sides of Wolverine, and ASP.NET Core's attributes.
global using Cases.Api.Infrastructure;
global using Cases.Api.Infrastructure.OpenApi;
global using Cases.Domain;
global using Cases.Domain.Cases;
global using JasperFx.Events;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Mvc;
global using Wolverine.Http;
global using Wolverine.Marten;
