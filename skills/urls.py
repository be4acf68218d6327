"""Engineer pages and recruiter pages share the /skills/ prefix and namespace."""

from skills import urls_engineer, urls_recruiter

app_name = "skills"

urlpatterns = urls_engineer.urlpatterns + urls_recruiter.urlpatterns
