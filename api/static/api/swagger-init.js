// Starts Swagger UI on /api/docs from a static file, so the page needs no inline script under our CSP.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  if (!root || typeof SwaggerUIBundle === "undefined") {
    return;
  }
  SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    dom_id: "#swagger-ui",
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    deepLinking: true,
    validatorUrl: null,
    // Browser calls ride on the session, which needs the CSRF token for writes.
    requestInterceptor: function (request) {
      request.headers["X-CSRFToken"] = root.dataset.csrfToken;
      return request;
    },
  });
})();
