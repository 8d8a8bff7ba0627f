"""The resident area and the forum: public addresses (the part of the site residents see)."""

from django.urls import path

from . import views_account, views_auth, views_forum

app_name = "residents"

urlpatterns = [
    path("account/", views_account.account, name="account"),
    path("account/signup/", views_auth.sign_up, name="sign_up"),
    path("account/login/", views_auth.log_in_view, name="log_in"),
    path("account/login/code/", views_auth.log_in_by_code, name="log_in_by_code"),
    path("account/code/", views_auth.enter_code, name="code"),
    path("account/reset/", views_auth.reset, name="reset"),
    path("account/reset/code/", views_auth.reset_code, name="reset_code"),
    path("account/logout/", views_auth.log_out_view, name="log_out"),
    path("account/password/", views_account.password, name="password"),
    path("account/appeals/", views_account.appeals, name="appeals"),
    path("account/appeals/link/", views_account.link, name="link"),
    path("forum/", views_forum.topics, name="topics"),
    path("forum/new/", views_forum.new_topic, name="new_topic"),
    path("forum/<int:topic_id>/", views_forum.topic, name="topic"),
    path("forum/posts/<int:post_id>/report/", views_forum.report, name="report"),
]
