from django.urls import path

from . import views_staff

# Under /staff/ (included by backoffice.urls).
urlpatterns = [
    path("reviews/", views_staff.review_queue, name="staff-reviews"),
    path("reviews/<int:pk>/<slug:step>/", views_staff.review_moderate, name="staff-review-moderate"),
    path("appeals/<str:number>/publish-answer/", views_staff.answer_publish, name="staff-answer-publish"),
    path("appeals/<str:number>/unpublish-answer/", views_staff.answer_unpublish, name="staff-answer-unpublish"),
]
