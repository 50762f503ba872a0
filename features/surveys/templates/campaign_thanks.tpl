{{%AUTOESCAPE context="HTML"}}<section class="panel narrow survey">
  <h1>Cảm ơn ông/bà đã trả lời</h1>
  <p class="banner banner-success" role="status" id="survey-thanks">Câu trả lời của ông/bà đã được ghi nhận.</p>
  <p>Ý kiến của người dân giúp cơ quan phục vụ tốt hơn. Nếu cần phản ánh, kiến nghị cụ thể, ông/bà có thể liên hệ đường dây nóng ghi ở cuối trang.</p>
  <p><a href="/tra-cuu">Tra cứu tình trạng hồ sơ</a></p>
</section>
